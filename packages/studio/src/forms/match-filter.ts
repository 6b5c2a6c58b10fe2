import type { Filter, FilterCondition } from '../api/documents.js';

/** Field types by name: how the evaluator compares each field's values. */
export type FieldTypes = Readonly<Record<string, string>>;

type Comparison = 'number' | 'instant' | 'plain';

const numericTypes = new Set(['integer', 'decimal', 'money', 'percent']);

function comparisonOf(type: string | undefined): Comparison {
  if (type !== undefined && numericTypes.has(type)) return 'number';
  return type === 'datetime' ? 'instant' : 'plain';
}

/**
 * Empty as the engine sees it (NULL, an empty multi select), and as a form holds it: a cleared
 * input is an empty text before it is sent.
 */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`; undefined when they do not compare. */
function compare(a: unknown, b: unknown, comparison: Comparison): number | undefined {
  // Exact numbers travel as strings ("199.00"): a number on either side makes it a numeric comparison.
  if (comparison === 'number' || typeof a === 'number' || typeof b === 'number') {
    const [x, y] = [asNumber(a), asNumber(b)];
    return x === undefined || y === undefined ? undefined : x - y;
  }
  if (comparison === 'instant' && typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  if (typeof a !== typeof b || !['string', 'boolean'].includes(typeof a)) return undefined;
  const [x, y] = [a as string | boolean, b as string | boolean];
  return x < y ? -1 : x > y ? 1 : 0;
}

function equal(a: unknown, b: unknown, comparison: Comparison): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => compare(item, b[index], comparison) === 0);
  }
  return compare(a, b, comparison) === 0;
}

/** The value at a path; a path through a relation reads an embedded record, else it is empty. */
function valueAt(record: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function inList(value: unknown, list: unknown[], comparison: Comparison): boolean {
  // A multi select is in the list when it shares an option with it (the engine's `&&`).
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => list.some((candidate) => equal(item, candidate, comparison)));
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : undefined;
}

function ordered(value: unknown, target: unknown, comparison: Comparison, test: (order: number) => boolean): boolean {
  const order = compare(value, target, comparison);
  return order !== undefined && test(order);
}

function matchCondition(condition: FilterCondition, record: Readonly<Record<string, unknown>>, types: FieldTypes): boolean {
  const value = valueAt(record, condition.field);
  const comparison = comparisonOf(types[condition.field]);
  const target = condition.value;
  if (condition.op === 'is_null') return target === false ? !isEmpty(value) : isEmpty(value);
  // ne and nin are the only operators that match an empty value (SQL's IS DISTINCT FROM, NOT IN or NULL).
  if (condition.op === 'ne') return isEmpty(value) ? !isEmpty(target) : isEmpty(target) || !equal(value, target, comparison);
  if (condition.op === 'nin') return isEmpty(value) || !inList(value, listOf(target), comparison);
  if (isEmpty(value)) return false;
  switch (condition.op) {
    case 'eq': return !isEmpty(target) && equal(value, target, comparison);
    case 'lt': return ordered(value, target, comparison, (order) => order < 0);
    case 'lte': return ordered(value, target, comparison, (order) => order <= 0);
    case 'gt': return ordered(value, target, comparison, (order) => order > 0);
    case 'gte': return ordered(value, target, comparison, (order) => order >= 0);
    case 'between': {
      const [low, high] = Array.isArray(target) ? target : [];
      return ordered(value, low, comparison, (order) => order >= 0) && ordered(value, high, comparison, (order) => order <= 0);
    }
    case 'in': return inList(value, listOf(target), comparison);
    case 'contains': {
      if (Array.isArray(value)) return value.some((item) => equal(item, target, comparison));
      const [text, part] = [textOf(value), textOf(target)];
      return text !== undefined && part !== undefined && text.includes(part);
    }
    case 'starts_with': {
      const [text, part] = [textOf(value), textOf(target)];
      return text !== undefined && part !== undefined && text.startsWith(part);
    }
    default: return false;
  }
}

/**
 * Whether a record matches a filter, as the engine's SQL would answer (guide: "How empty values
 * behave"): conditions on empty values are false except ne, nin and is_null; `not` is exactly the
 * complement; contains and starts_with ignore case; an empty `and` is true, an empty `or` false.
 * Used on the form's data as the user types, so it never throws: an unknown operator is false.
 */
export function matchFilter(filter: Filter, record: Readonly<Record<string, unknown>>, types: FieldTypes = {}): boolean {
  if ('and' in filter) return filter.and.every((part) => matchFilter(part, record, types));
  if ('or' in filter) return filter.or.some((part) => matchFilter(part, record, types));
  if ('not' in filter) return !matchFilter(filter.not, record, types);
  return matchCondition(filter, record, types);
}
