import { stringify } from 'csv-stringify/sync';
import { TesseraError } from '../errors/index.js';

/** Most records one API import takes (as the bulk endpoint). */
export const maxImportedRecords = 100_000;

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * JSON records as a CSV table (UTF-8, a header of every key used), so that records sent to the
 * API go through the file import's pipeline, resumable from its file: numbers, booleans, lists
 * (of options) and objects (json fields) become text the field converters read back. Throws
 * BAD_REQUEST for anything but 1 to maxImportedRecords objects.
 */
export function recordsToCsv(records: unknown): { csv: string; fields: string[] } {
  if (!Array.isArray(records) || records.length === 0 || records.length > maxImportedRecords) {
    throw new TesseraError('BAD_REQUEST', { reason: `"records" must be a list of 1 to ${maxImportedRecords} records` });
  }
  const fields = new Set<string>();
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new TesseraError('BAD_REQUEST', { reason: `record ${index} is not an object` });
    for (const key of Object.keys(record)) fields.add(key);
  });
  const header = [...fields];
  const rows = (records as Record<string, unknown>[]).map((record) => header.map((field) => cellOf(record[field])));
  return { csv: `\ufeff${stringify([header, ...rows], { quoted_match: /[\r\n]/ })}`, fields: header };
}
