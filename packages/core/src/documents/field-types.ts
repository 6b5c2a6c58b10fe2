import type { Field } from './generated-types.js';

/** A filter operator of the filter language. */
export type FilterOperator =
  | 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin' | 'contains' | 'starts_with' | 'is_null' | 'between';

/** How a value is stored and compared: the "shape" shared by several field types. */
export type ValueKind = 'text' | 'integer' | 'decimal' | 'percent' | 'boolean' | 'date' | 'datetime' | 'select' | 'multi_select' | 'json' | 'uuid' | 'uuid_list';

const textOps: FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'contains', 'starts_with', 'is_null'];
const orderedOps: FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'between', 'is_null'];
const operatorsByKind: Record<ValueKind, FilterOperator[]> = {
  text: textOps,
  integer: orderedOps,
  decimal: orderedOps,
  percent: orderedOps,
  date: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'is_null'],
  datetime: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'is_null'],
  boolean: ['eq', 'ne', 'is_null'],
  select: ['eq', 'ne', 'in', 'nin', 'is_null'],
  multi_select: ['contains', 'in', 'is_null'],
  json: ['is_null'],
  uuid: ['eq', 'ne', 'in', 'nin', 'is_null'],
  uuid_list: [],
};

const kindByType: Record<Exclude<Field['type'], 'relation' | 'computed'>, ValueKind> = {
  text: 'text', long_text: 'text', email: 'text', phone: 'text', url: 'text', autonumber: 'text',
  integer: 'integer', decimal: 'decimal', money: 'decimal', percent: 'percent', boolean: 'boolean',
  date: 'date', datetime: 'datetime', single_select: 'select', multi_select: 'multi_select', json: 'json',
};

/** The value kind of a field: how it is stored, serialised and compared. */
export function valueKindOf(field: Field): ValueKind {
  if (field.type === 'relation') return field.relation?.kind === 'many_to_one' ? 'uuid' : 'uuid_list';
  if (field.type === 'computed') return field.computed?.resultType === 'text' ? 'text' : (field.computed?.resultType ?? 'text');
  return kindByType[field.type];
}

/** Filter operators allowed on a field (an allowlist per type). */
export function operatorsFor(field: Field): readonly FilterOperator[] {
  return operatorsByKind[valueKindOf(field)];
}

/** Operators allowed on a value kind (system columns have kinds but no field document). */
export function operatorsForKind(kind: ValueKind): readonly FilterOperator[] {
  return operatorsByKind[kind];
}

/** True when the field is a column of its own table (one_to_many and many_to_many are not). */
export function hasColumn(field: Field): boolean {
  return field.type !== 'relation' || field.relation?.kind === 'many_to_one';
}

/** True when clients never write the field: the engine fills it. */
export function isReadOnly(field: Field): boolean {
  return field.type === 'autonumber' || field.type === 'computed' || (field.type === 'relation' && field.relation?.kind === 'one_to_many');
}

/** Default precision/scale of exact numbers. Money defaults to cents. */
export function decimalShape(field: Field): { precision: number; scale: number } {
  if (field.type === 'money') return { precision: field.precision ?? 18, scale: field.scale ?? 2 };
  if (field.type === 'percent') return { precision: 9, scale: 4 };
  return { precision: field.precision ?? 18, scale: field.scale ?? 4 };
}

/** Longest text a field accepts; short texts default to 255 so that they fit an index. */
export function maxTextLength(field: Field): number {
  switch (field.type) {
    case 'long_text': return field.maxLength ?? 100_000;
    case 'email': return Math.min(field.maxLength ?? 254, 254);
    case 'phone': return Math.min(field.maxLength ?? 32, 32);
    case 'url': return Math.min(field.maxLength ?? 2048, 2048);
    case 'autonumber': return 64;
    default: return field.maxLength ?? 255;
  }
}

/** Field types to which a given constraint keyword applies. */
export const constraintTypes: Record<string, ReadonlyArray<Field['type']>> = {
  minLength: ['text', 'long_text'],
  maxLength: ['text', 'long_text', 'email', 'phone', 'url'],
  pattern: ['text', 'long_text'],
  min: ['integer', 'decimal', 'money', 'percent'],
  max: ['integer', 'decimal', 'money', 'percent'],
  precision: ['decimal', 'money'],
  scale: ['decimal', 'money'],
  currency: ['money'],
  options: ['single_select', 'multi_select'],
  relation: ['relation'],
  autonumber: ['autonumber'],
  computed: ['computed'],
  unique: ['text', 'email', 'phone', 'url', 'integer', 'decimal', 'money', 'date', 'datetime', 'single_select', 'autonumber', 'relation'],
};
