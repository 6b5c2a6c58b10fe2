import { valueKindOf, type Field } from '../documents/index.js';

/** The instant as timestamptz(3) keeps it: microseconds rounded half up to the millisecond. */
function instant(text: string): number | string {
  const fraction = /\.(\d+)/.exec(text);
  const wholeSecond = Date.parse(fraction ? text.replace(fraction[0], '') : text);
  if (Number.isNaN(wholeSecond)) return text;
  const micros = Number((fraction?.[1] ?? '').padEnd(6, '0').slice(0, 6));
  return wholeSecond + Math.floor((micros + 500) / 1000);
}

function exactDecimal(value: unknown): unknown {
  const text = String(value);
  const match = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction] = match;
  const canonical = `${whole || '0'}${fraction ? `.${fraction}` : ''}`;
  return canonical === '0' ? '0' : `${sign}${canonical}`;
}

/**
 * A unique field's value as PostgreSQL compares it, so that two values one bulk request gives twice
 * are caught before the statement ("1.50" and 1.5 are the same decimal; two offsets can name the
 * same instant), and the client gets a 422 at the record rather than a database error.
 */
export function uniqueValue(field: Field | undefined, value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  const kind = field ? valueKindOf(field) : 'uuid';
  if (kind === 'decimal' || kind === 'percent') return `d:${String(exactDecimal(value))}`;
  if (kind === 'datetime' && typeof value === 'string') return `t:${instant(value)}`;
  if (kind === 'uuid' && typeof value === 'string') return `u:${value.toLowerCase()}`;
  return `${typeof value}:${String(value)}`;
}
