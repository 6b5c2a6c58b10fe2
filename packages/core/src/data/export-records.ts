import { stringify } from 'csv-stringify/sync';
import { TesseraError } from '../errors/index.js';
import type { DataContext } from './data-context.js';
import { exportPages } from './export-pages.js';
import { exportXlsx } from './export-xlsx.js';
import type { Language } from './xlsx-columns.js';

/** Export file formats. */
export type ExportFormat = 'csv' | 'jsonl' | 'xlsx';

/** How an export is written: the language of a spreadsheet's headers and labels (zh-CN by default). */
export interface ExportOptions {
  language?: Language;
}

const formats: readonly string[] = ['csv', 'jsonl', 'xlsx'];
/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Streams the records of an object matching a filter (see exportPages: access, row rule, audit)
 * as CSV (UTF-8 with a BOM, so that Excel on Chinese Windows opens it right), JSON lines, or an
 * XLSX workbook (see exportXlsx), with flat memory.
 */
export async function* exportRecords(context: DataContext, objectName: string, params: Record<string, unknown>, format: ExportFormat, options: ExportOptions = {}): AsyncGenerator<string | Buffer> {
  if (!formats.includes(format)) throw new TesseraError('INVALID_QUERY', { reason: 'format must be csv, jsonl or xlsx' });
  const pages = exportPages(context, objectName, params, format);
  if (format === 'xlsx') {
    yield* exportXlsx(context, objectName, pages, options.language ?? 'zh-CN');
    return;
  }
  let first = true;
  for await (const page of pages) {
    if (format === 'jsonl') {
      yield page.records.map((record) => `${JSON.stringify(record)}\n`).join('');
      continue;
    }
    if (first) yield `\uFEFF${stringify([page.columns])}`;
    first = false;
    yield stringify(page.records.map((record) => page.columns.map((column) => cell(record[column]))));
  }
}
