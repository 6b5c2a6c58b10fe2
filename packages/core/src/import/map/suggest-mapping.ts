import type { ObjectAccess } from '../../access/index.js';
import { isReadOnly, type Field, type FieldSource, type ImportMapping } from '../../documents/index.js';
import { normalizeEmail } from '../clean/normalize-email.js';
import { normalizePhone } from '../clean/normalize-phone.js';
import { parseDateParts } from '../clean/parse-date.js';
import { standardizeAddress } from '../clean/standardize-address.js';
import { headerKey, synonymsByName, synonymsByType } from './header-synonyms.js';

/** Why a column was given to a field, for the studio to show. */
export type SuggestionReason = 'name' | 'label' | 'synonym' | 'contains' | 'values';

/** One column's suggestion: the field it feeds (if any) and how sure the guess is (0–100). */
export interface ColumnSuggestion {
  header: string;
  field?: string;
  score: number;
  reason?: SuggestionReason;
}

/** A suggested mapping and, per column, how it was decided. */
export interface MappingSuggestion {
  mapping: ImportMapping;
  columns: ColumnSuggestion[];
}

const share = (samples: string[], test: (text: string) => boolean) => samples.length > 0 && samples.filter(test).length / samples.length >= 0.8;

function headerScore(field: Field, key: string): { score: number; reason: SuggestionReason } | undefined {
  if (key === headerKey(field.name)) return { score: 100, reason: 'name' };
  if (key === headerKey(field.label['zh-CN']) || key === headerKey(field.label.en)) return { score: 100, reason: 'label' };
  const synonyms = [...(synonymsByName[field.name] ?? []), ...(synonymsByType[field.type] ?? [])];
  if (synonyms.includes(key)) return { score: 90, reason: 'synonym' };
  const words = [headerKey(field.label['zh-CN']), ...synonyms].filter((word) => word.length >= 2);
  if (words.some((word) => key.includes(word))) return { score: 60, reason: 'contains' };
  return undefined;
}

function valueScore(field: Field, samples: string[]): number {
  if (field.type === 'phone' && share(samples, (text) => normalizePhone(text) !== undefined)) return 50;
  if (field.type === 'email' && share(samples, (text) => normalizeEmail(text) !== undefined)) return 50;
  if ((field.type === 'date' || field.type === 'datetime') && share(samples, (text) => parseDateParts(text) !== undefined && /\D/.test(text))) return 40;
  return 0;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A relation column of names (金卡会员), not ids: found by the related object's title field, when the role may read it. */
function relationLookup(field: Field, samples: string[], titleFieldOf: (object: string) => string | undefined): string | undefined {
  if (samples.length === 0 || samples.every((text) => uuid.test(text.trim()))) return undefined;
  return titleFieldOf(field.relation!.target);
}

/** DMY when some sample can only be day-first (13/04/2024), MDY when month-first; undefined when no sample tells. */
function dateOrder(samples: string[]): FieldSource['dateOrder'] {
  for (const text of samples) {
    const parts = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*\d{4}/.exec(text.trim());
    if (parts && Number(parts[1]) > 12) return 'DMY';
    if (parts && Number(parts[2]) > 12) return 'MDY';
  }
  return undefined;
}

/**
 * A field worth matching duplicates on: one that identifies a person (unique, a phone or an email)
 * and that the database can look up by an index (unique, indexed, or encrypted with its blind
 * index). Every batch looks its keys up among the stored records: without an index, each lookup
 * reads the whole table.
 */
function isLookupKey(field: Field): boolean {
  const identifies = field.unique === true || field.type === 'phone' || field.type === 'email';
  return identifies && (field.unique === true || field.indexed === true || field.encrypted === true);
}

function importable(access: ObjectAccess, field: Field): boolean {
  return access.writable.has(field.name) && !isReadOnly(field) && (!field.relation || field.relation.kind === 'many_to_one');
}

/**
 * Suggests which column feeds which field: by header (the field's name or label, then Chinese and
 * English synonyms such as 手机/联系电话/mobile → a phone field, then a header containing one),
 * then by sample values (phone numbers, emails, dates) for columns the header did not place. Each
 * field and column is used once, best score first. An address column also feeds empty province,
 * city and district fields when its values start with divisions. Match keys: the mapped fields that
 * identify a person and have an index (isLookupKey); duplicates merge (filling empty fields) by default.
 * A relation column of names looks its records up by the related object's title field (`titleFieldOf`).
 */
export function suggestMapping(access: ObjectAccess, headers: string[], sampleRows: readonly (readonly string[])[], titleFieldOf: (object: string) => string | undefined = () => undefined): MappingSuggestion {
  const fields = access.object.definition.fields.filter((field) => importable(access, field));
  const samplesOf = (column: number) => sampleRows.map((row) => row[column] ?? '').filter((text) => text.trim() !== '').slice(0, 50);
  const candidates: { column: number; field: Field; score: number; reason: SuggestionReason }[] = [];
  headers.forEach((header, column) => {
    const key = headerKey(header);
    for (const field of fields) {
      const byHeader = headerScore(field, key);
      const byValues = byHeader ? 0 : valueScore(field, samplesOf(column));
      if (byHeader) candidates.push({ column, field, ...byHeader });
      else if (byValues > 0) candidates.push({ column, field, score: byValues, reason: 'values' });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, (typeof candidates)[number]>();
  const taken = new Set<string>();
  for (const candidate of candidates) {
    if (byColumn.has(candidate.column) || taken.has(candidate.field.name)) continue;
    byColumn.set(candidate.column, candidate);
    taken.add(candidate.field.name);
  }
  const mapping: ImportMapping = { object: access.object.name, fields: {} };
  for (const [column, chosen] of byColumn) {
    const source: FieldSource = { from: headers[column]! };
    const order = chosen.field.type === 'date' || chosen.field.type === 'datetime' ? dateOrder(samplesOf(column)) : undefined;
    if (order) source.dateOrder = order;
    const lookup = chosen.field.relation ? relationLookup(chosen.field, samplesOf(column), titleFieldOf) : undefined;
    if (lookup) source.lookup = lookup;
    mapping.fields[chosen.field.name] = source;
  }
  const addressFrom = mapping.fields.address?.from;
  if (typeof addressFrom === 'string') splitAddressColumn(mapping, fields, taken, samplesOf(headers.indexOf(addressFrom)));
  const keys = fields.filter((field) => taken.has(field.name) && isLookupKey(field))
    .sort((a, b) => Number(b.unique ?? false) - Number(a.unique ?? false));
  if (keys.length > 0) mapping.match = { on: keys.map((field) => [field.name]), action: 'merge' };
  return {
    mapping,
    columns: headers.map((header, column) => {
      const chosen = byColumn.get(column);
      return chosen ? { header, field: chosen.field.name, score: chosen.score, reason: chosen.reason } : { header, score: 0 };
    }),
  };
}

/**
 * 地址 = 浙江省杭州市西湖区文三路…: when most samples start with a province or city, the address
 * column also feeds the division fields no column took, and the address field keeps the street.
 */
function splitAddressColumn(mapping: ImportMapping, fields: Field[], taken: Set<string>, samples: string[]): void {
  const address = mapping.fields.address!;
  const free = (['province', 'city', 'district'] as const).filter((name) => !taken.has(name) && fields.some((field) => field.name === name));
  if (free.length === 0 || !share(samples, (text) => standardizeAddress(text).city !== undefined)) return;
  for (const name of free) mapping.fields[name] = { from: address.from!, part: name };
  mapping.fields.address = { ...address, part: 'street' };
}
