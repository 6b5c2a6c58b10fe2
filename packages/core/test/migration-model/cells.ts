import { valueKindOf, type Field, type ValueKind } from '../../src/documents/index.js';
import type { Rng } from './rng.js';

/** A value as checksums see it: its canonical text, or null. */
export type Cell = string | null;

/** A generated value: the JSON that is inserted (through jsonb_to_recordset) and its canonical text. */
export interface Generated {
  json: unknown;
  cell: Cell;
}

/** What generating a value needs beyond the field. */
export interface CellContext {
  rng: Rng;
  /** Values must not repeat (unique fields and fields of the "distinct" style). */
  distinct: boolean;
  nextSeq(): number;
  targetRows(objectId: string): string[];
}

const day = 86_400_000;
/** Asia/Shanghai (the default blueprint time zone) has had no daylight saving time since 1991. */
const shanghaiOffset = 8 * 3_600_000;
const epoch1995 = Date.UTC(1995, 0, 1);
const epoch2040 = Date.UTC(2040, 0, 1);

/** Options of generated select fields. */
export const selectOptions = ['red', 'green', 'blue', 'gold'];
export const multiOptions = ['ts', 'sql', 'go', 'rs'];

// No 'u' anywhere: distinct values are 'u' + a sequence number, so no random text can equal one.
const alphabet = [...'abcdefghijkmnopqrst XYZ0123456789,\'"\\{}|-_.王伟李娜😀'];
const pooledTexts = ['alpha', 'beta', '王伟', 'a,b', 'x"y', "o'k", '', '李娜😀'];

/** SQL for the canonical text of a column of the given kind; the model computes the same text. */
export function canonicalSql(kind: ValueKind, column: string): string {
  switch (kind) {
    case 'decimal': case 'percent': return `trim_scale(${column})::text`;
    case 'date': return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'datetime': return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;
    default: return `${column}::text`;
  }
}

/** Characters as PostgreSQL counts them (code points). */
export function charLength(text: string): number {
  return [...text].length;
}

/** The varchar length of a text-kind column, undefined when unbounded. */
export function textLimit(field: Field): number | undefined {
  if (field.type === 'long_text') return undefined;
  if (field.type === 'email') return field.maxLength ?? 254;
  return field.maxLength ?? 255;
}

/** Precision and scale of an exact number column. */
export function decimalShapeOf(field: Field): { precision: number; scale: number } {
  return { precision: field.precision ?? 18, scale: field.scale ?? (field.type === 'money' ? 2 : 4) };
}

/** A decimal without trailing zeros, as trim_scale prints it. */
export function canonicalDecimal(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const body = `${whole.replace(/^0+(?=\d)/, '')}${trimmedFraction ? `.${trimmedFraction}` : ''}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** True when a canonical decimal fits numeric(precision, scale). */
export function fitsDecimalShape(cell: string, precision: number, scale: number): boolean {
  const [whole = '', fraction = ''] = cell.replace(/^-/, '').split('.');
  return fraction.length <= scale && (whole === '0' ? 0 : whole.length) <= precision - scale;
}

function datetimeCell(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A date at midnight in Asia/Shanghai, as a UTC datetime cell. */
export function dateToDatetime(cell: string): string {
  return datetimeCell(Date.parse(`${cell}T00:00:00Z`) - shanghaiOffset);
}

/** The Asia/Shanghai date of a UTC datetime cell, and whether it is exactly midnight there. */
export function localDate(cell: string): { date: string; midnight: boolean } {
  const local = new Date(Date.parse(`${cell.replace(' ', 'T')}Z`) + shanghaiOffset).toISOString();
  return { date: local.slice(0, 10), midnight: local.slice(11, 19) === '00:00:00' };
}

/** jsonb's text form: keys ordered by length then bytes, ", " and ": " separators. */
export function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${jsonbText(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** The elements of a multi_select cell ({a,b}). */
export function multiValues(cell: string): string[] {
  return cell === '{}' ? [] : cell.slice(1, -1).split(',');
}

/** The canonical cell of a value (a default or a conversion's value) in a field's kind. */
export function canonicalValue(value: unknown, field: Field): string {
  switch (valueKindOf(field)) {
    case 'decimal': case 'percent': return canonicalDecimal(String(value));
    case 'datetime': return datetimeCell(Date.parse(String(value)));
    case 'multi_select': return `{${(value as string[]).join(',')}}`;
    case 'json': return jsonbText(value);
    default: return String(value);
  }
}

function text(field: Field, context: CellContext): string {
  const limit = Math.min(textLimit(field) ?? 60, 60);
  const { rng } = context;
  if (context.distinct) return `u${context.nextSeq().toString(36)}`;
  if (rng.chance(0.4)) return rng.pick(pooledTexts.filter((candidate) => charLength(candidate) <= limit));
  const length = rng.int(0, rng.chance(0.2) ? limit : Math.min(limit, 12));
  return Array.from({ length }, () => rng.pick(alphabet)).join('');
}

function integer(field: Field, context: CellContext): number {
  const { rng } = context;
  if (context.distinct && field.min === undefined && field.max === undefined) return 1000 + context.nextSeq();
  const low = field.min ?? -500;
  const high = field.max ?? 500;
  const value = rng.chance(0.5) ? rng.int(0, 9) : rng.int(low, high);
  return Math.min(Math.max(value, low), high);
}

function decimal(field: Field, context: CellContext): string {
  const { rng } = context;
  if (context.distinct) return `${1_000_000 + context.nextSeq()}.5`;
  const digits = rng.chance(0.4) ? 0 : rng.int(1, decimalShapeOf(field).scale);
  const fraction = Array.from({ length: digits }, () => rng.int(0, 9)).join('');
  return `${rng.chance(0.3) ? '-' : ''}${rng.int(0, 99_999)}${digits > 0 ? `.${fraction}` : ''}`;
}

function datetime(context: CellContext): number {
  const { rng } = context;
  if (context.distinct) return epoch2040 + context.nextSeq() * 1000;
  const midnight = epoch1995 + rng.int(0, 14_000) * day - shanghaiOffset;
  return rng.chance(0.4) ? midnight : midnight + rng.int(0, 86_399) * 1000;
}

function jsonValue(rng: Rng): unknown {
  switch (rng.int(0, 3)) {
    case 0: return rng.int(-50, 50);
    case 1: return rng.pick(['a', 'bb', 'ccc']);
    case 2: return { k: rng.int(0, 9), tag: rng.pick(['x', 'yy']) };
    default: return [rng.int(0, 9), rng.int(0, 9)];
  }
}

function generateValue(field: Field, context: CellContext): Generated {
  const { rng } = context;
  const same = (value: string | number | boolean): Generated => ({ json: value, cell: String(value) });
  switch (valueKindOf(field)) {
    case 'text':
      if (field.type === 'email') return same(context.distinct ? `u${context.nextSeq().toString(36)}@ex.cn` : `${rng.pick(['ann', 'bob', 'cai'])}${rng.int(0, 30)}@example.com`);
      return same(text(field, context));
    case 'integer': return same(integer(field, context));
    case 'decimal': case 'percent': { const value = decimal(field, context); return { json: value, cell: canonicalDecimal(value) }; }
    case 'boolean': return same(rng.chance(0.5));
    case 'date': {
      const ms = context.distinct ? epoch2040 + context.nextSeq() * day : epoch1995 + rng.int(0, 14_000) * day;
      return same(new Date(ms).toISOString().slice(0, 10));
    }
    case 'datetime': { const ms = datetime(context); return { json: new Date(ms).toISOString(), cell: datetimeCell(ms) }; }
    case 'select': return same(rng.pick((field.options ?? []).map((option) => option.value)));
    case 'multi_select': {
      const values = (field.options ?? []).map((option) => option.value).filter(() => rng.chance(0.4));
      return { json: values, cell: `{${values.join(',')}}` };
    }
    case 'json': { const value = jsonValue(rng); return { json: value, cell: jsonbText(value) }; }
    case 'uuid': {
      const rows = context.targetRows(field.relation!.target);
      if (rows.length === 0) throw new Error(`no rows to point ${field.name} at`);
      return same(rng.pick(rows));
    }
    case 'uuid_list': throw new Error(`field ${field.name} has no column`);
  }
}

/** A random value for a field, within its constraints; null now and then when the field is optional. */
export function generateCell(field: Field, context: CellContext): Generated {
  const noTarget = field.type === 'relation' && context.targetRows(field.relation!.target).length === 0;
  if (!field.required && (noTarget || context.rng.chance(0.15))) return { json: null, cell: null };
  return generateValue(field, context);
}
