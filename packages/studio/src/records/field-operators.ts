import type { FilterCondition } from '../api/documents.js';
import type { ModelField } from '../api/workspace-model.js';

/** An operator of the filter language. */
export type FilterOperator = FilterCondition['op'];

/** How a field's values are compared: the shape shared by several field types. */
export type ValueKind = 'text' | 'integer' | 'decimal' | 'percent' | 'boolean' | 'date' | 'datetime' | 'select' | 'multi_select' | 'json' | 'uuid' | 'uuid_list';

/** The parts of a field that decide its operators. */
export type OperatorField = Pick<ModelField, 'type' | 'relation' | 'computed' | 'encrypted'>;

const textOps: FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'contains', 'starts_with', 'is_null'];
const orderedOps: FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'between', 'is_null'];
const momentOps: FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'is_null'];
// The engine's allowlist (packages/core/src/documents/field-types.ts), mirrored so the studio offers
// only what the server accepts; field-operators.test.ts checks that both agree.
const operatorsByKind: Record<ValueKind, FilterOperator[]> = {
  text: textOps, integer: orderedOps, decimal: orderedOps, percent: orderedOps, date: momentOps, datetime: momentOps,
  boolean: ['eq', 'ne', 'is_null'],
  select: ['eq', 'ne', 'in', 'nin', 'is_null'],
  multi_select: ['contains', 'in', 'is_null'],
  json: ['is_null'],
  uuid: ['eq', 'ne', 'in', 'nin', 'is_null'],
  uuid_list: [],
};
/** Encrypted values are found by their blind index: exact lookups only. */
const encryptedOps = new Set<FilterOperator>(['eq', 'ne', 'in', 'nin', 'is_null']);

const kindByType: Record<string, ValueKind> = {
  text: 'text', long_text: 'text', email: 'text', phone: 'text', url: 'text', autonumber: 'text',
  integer: 'integer', decimal: 'decimal', money: 'decimal', percent: 'percent', boolean: 'boolean',
  date: 'date', datetime: 'datetime', single_select: 'select', multi_select: 'multi_select', json: 'json',
};

/** The value kind of a field. */
export function valueKindOf(field: OperatorField): ValueKind {
  if (field.type === 'relation') return field.relation?.kind === 'many_to_one' ? 'uuid' : 'uuid_list';
  if (field.type === 'computed') return field.computed?.resultType ?? 'text';
  return kindByType[field.type] ?? 'text';
}

/** The operators the filter language allows on a field, in the order the studio offers them. */
export function operatorsFor(field: OperatorField): FilterOperator[] {
  const operators = operatorsByKind[valueKindOf(field)];
  return field.encrypted ? operators.filter((op) => encryptedOps.has(op)) : operators;
}
