import { decimalShape, valueKindOf, type Field } from '../documents/index.js';
import type { StepCheck } from './plan-types.js';
import { platformSchema } from '../db/index.js';
import { sqlString } from './sql-identifiers.js';
import { columnType } from './column-sql.js';

type Check = Pick<StepCheck, 'rule' | 'predicate' | 'accepts'>;

/** How a column's type changes: the USING expression and the rows that would not convert. */
export interface TypeChange {
  using: string;
  check?: Check;
}

// No `?` in these patterns ({0,1} instead): predicates reach knex.raw as SQL text, and knex takes
// every `?` for a parameter placeholder, which silently broke the pattern.
const textPatterns: Partial<Record<Field['type'], string>> = {
  email: '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$',
  url: '^https{0,1}://[^[:space:]]+$',
  phone: '^\\+{0,1}[0-9][0-9 ()-]{4,30}$',
};

function literalList(values: string[]): string {
  return values.map(sqlString).join(', ');
}

function textLimit(field: Field): number | undefined {
  const type = columnType(field);
  const match = /^varchar\((\d+)\)$/.exec(type);
  return match ? Number(match[1]) : undefined;
}

function toText(before: Field, after: Field, c: string): TypeChange {
  const limit = textLimit(after);
  const from = valueKindOf(before);
  const source = from === 'multi_select' ? `array_to_string(${c}, ',')` : from === 'json' ? `${c}::text` : `${c}::text`;
  const checks: string[] = [];
  if (limit !== undefined) checks.push(`char_length(${source}) > ${limit}`);
  const pattern = textPatterns[after.type];
  if (pattern && before.type !== after.type) checks.push(`${source} !~ '${pattern}'`);
  const using = `${source}::${columnType(after)}`;
  if (checks.length === 0) return { using };
  return { using, check: { rule: checks.length === 1 && limit !== undefined ? 'max_length' : 'type', predicate: checks.join(' OR '), accepts: ['set_null', 'set_value', 'truncate'] } };
}

function toDecimal(before: Field, after: Field, c: string): TypeChange {
  const { precision, scale } = decimalShape(after);
  const wholeLimit = `1e${precision - scale}`;
  const target = columnType(after);
  const from = valueKindOf(before);
  if (from === 'text' || from === 'select') {
    const numeric = `'^[[:space:]]*[-+]{0,1}[0-9]+(\\.[0-9]+){0,1}[[:space:]]*$'`;
    return {
      using: `btrim(${c})::${target}`,
      check: { rule: 'type', predicate: `(${c} !~ ${numeric} OR abs(btrim(${c})::numeric) >= ${wholeLimit} OR btrim(${c})::numeric <> round(btrim(${c})::numeric, ${scale}))`, accepts: ['set_null', 'set_value'] },
    };
  }
  const check: Check = { rule: 'type', predicate: `(abs(${c}) >= ${wholeLimit} OR ${c} <> round(${c}::numeric, ${scale}))`, accepts: ['set_null', 'set_value'] };
  if (from === 'integer' || from === 'decimal' || from === 'percent') return { using: `${c}::${target}`, check };
  return unsupported(c);
}

function toInteger(before: Field, c: string): TypeChange {
  const from = valueKindOf(before);
  if (from === 'decimal' || from === 'percent') return { using: `${c}::bigint`, check: { rule: 'type', predicate: `(${c} <> trunc(${c}) OR abs(${c}) > 9007199254740991)`, accepts: ['set_null', 'set_value'] } };
  if (from === 'text' || from === 'select') return { using: `btrim(${c})::bigint`, check: { rule: 'type', predicate: `${c} !~ '^[[:space:]]*[-+]{0,1}[0-9]{1,15}[[:space:]]*$'`, accepts: ['set_null', 'set_value'] } };
  if (from === 'boolean') return { using: `${c}::int::bigint` };
  return unsupported(c);
}

function toSelect(before: Field, after: Field, c: string): TypeChange {
  const from = valueKindOf(before);
  const values = literalList((after.options ?? []).map((option) => option.value));
  const source = from === 'multi_select' ? `${c}[1]` : `${c}::text`;
  const extra = from === 'multi_select' ? ` OR cardinality(${c}) > 1` : '';
  if (from === 'json' || from === 'uuid') return unsupported(c);
  return { using: `${source}::varchar(63)`, check: { rule: 'options', predicate: `(${source} NOT IN (${values})${extra})`, accepts: ['set_null', 'set_value'] } };
}

function toMultiSelect(before: Field, after: Field, c: string): TypeChange {
  const from = valueKindOf(before);
  if (from !== 'select' && from !== 'text') return unsupported(c);
  const values = literalList((after.options ?? []).map((option) => option.value));
  // An empty value stays empty: ARRAY[NULL] would be a list holding a null.
  return { using: `CASE WHEN ${c} IS NULL THEN NULL ELSE ARRAY[${c}]::text[] END`, check: { rule: 'options', predicate: `${c}::text NOT IN (${values})`, accepts: ['set_null'] } };
}

function unsupported(c: string): TypeChange {
  return { using: 'NULL', check: { rule: 'type', predicate: `${c} IS NOT NULL`, accepts: ['set_null'] } };
}

function toTemporal(before: Field, after: Field, c: string, timezone: string): TypeChange {
  const from = valueKindOf(before);
  const to = valueKindOf(after);
  const tz = `'${timezone.replace(/'/g, "''")}'`;
  if (from === 'date' && to === 'datetime') return { using: `(${c}::timestamp AT TIME ZONE ${tz})` };
  if (from === 'datetime' && to === 'date') return { using: `(${c} AT TIME ZONE ${tz})::date`, check: { rule: 'type', predicate: `(${c} AT TIME ZONE ${tz})::time <> '00:00'`, accepts: ['set_null', 'truncate'] } };
  if (from === 'text') {
    const pattern = to === 'date' ? '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' : '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+){0,1}){0,1}(Z|[+-][0-9]{2}(:{0,1}[0-9]{2}){0,1})$';
    const real = `${platformSchema}.${to === 'date' ? 'is_date' : 'is_timestamptz'}(${c})`;
    return { using: `${c}::${columnType(after)}`, check: { rule: 'type', predicate: `(${c} !~ '${pattern}' OR NOT ${real})`, accepts: ['set_null', 'set_value'] } };
  }
  return unsupported(c);
}

function toBoolean(before: Field, c: string): TypeChange {
  const from = valueKindOf(before);
  if (from === 'integer') return { using: `${c} <> 0`, check: { rule: 'type', predicate: `${c} NOT IN (0, 1)`, accepts: ['set_null', 'set_value'] } };
  if (from === 'text' || from === 'select') {
    return { using: `lower(btrim(${c})) IN ('true', 't', '1', 'yes', 'y')`, check: { rule: 'type', predicate: `lower(btrim(${c})) NOT IN ('true', 'false', 't', 'f', '1', '0', 'yes', 'no', 'y', 'n')`, accepts: ['set_null', 'set_value'] } };
  }
  return unsupported(c);
}

/**
 * Plans the change of a column from one field type to another. Widening needs no check; any
 * conversion that can fail carries the predicate of the rows it would fail on.
 */
export function planTypeChange(before: Field, after: Field, c: string, timezone: string): TypeChange | undefined {
  const sameKind = valueKindOf(before) === valueKindOf(after);
  if (columnType(before) === columnType(after) && sameKind && (before.type === after.type || !textPatterns[after.type])) return undefined;
  switch (valueKindOf(after)) {
    case 'text': return valueKindOf(before) === 'uuid' ? unsupported(c) : toText(before, after, c);
    case 'decimal': case 'percent': return toDecimal(before, after, c);
    case 'integer': return toInteger(before, c);
    case 'select': return toSelect(before, after, c);
    case 'multi_select': return toMultiSelect(before, after, c);
    case 'date': case 'datetime': return toTemporal(before, after, c, timezone);
    case 'boolean': return toBoolean(before, c);
    case 'json': return { using: `to_jsonb(${c})` };
    case 'uuid': case 'uuid_list': return unsupported(c);
  }
}
