import type { Filter, FilterCondition } from '../api/documents.js';
import { operatorsFor, valueKindOf, type FilterOperator, type OperatorField } from './field-operators.js';

/** An and/or group of the filter language. */
export type FilterGroup = { and: Filter[] } | { or: Filter[] };

/** True for an and/or group. */
export function isGroup(filter: Filter): filter is FilterGroup {
  return 'and' in filter || 'or' in filter;
}

/** The parts of a group. */
export function partsOf(group: FilterGroup): Filter[] {
  return 'and' in group ? group.and : group.or;
}

/** A group of the given kind holding these parts. */
export function makeGroup(kind: 'and' | 'or', parts: Filter[]): FilterGroup {
  return kind === 'and' ? { and: parts } : { or: parts };
}

/** The filter as the builder edits it: always a group at the top (a single condition becomes a group of one). */
export function editableGroup(filter: Filter | undefined): FilterGroup {
  if (!filter) return { and: [] };
  return isGroup(filter) ? filter : { and: [filter] };
}

/** The filter to apply: empty groups dropped, a group of one condition unwrapped, nothing left = no filter. */
export function prunedFilter(filter: Filter): Filter | undefined {
  if ('not' in filter) {
    const inner = prunedFilter(filter.not);
    return inner ? { not: inner } : undefined;
  }
  if (!isGroup(filter)) return filter;
  const parts = partsOf(filter).map(prunedFilter).filter((part): part is Filter => part !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 && !isGroup(parts[0]!) ? parts[0] : makeGroup('and' in filter ? 'and' : 'or', parts);
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A new condition on a field: its first operator and no value yet. */
export function newCondition(name: string, field: OperatorField | undefined): FilterCondition {
  const op = field ? operatorsFor(field)[0] ?? 'is_null' : 'eq';
  return withOperator({ field: name, op: 'eq' }, op);
}

/** The condition with another operator, its value reshaped to what the operator takes (one value, a list, a range, empty or not). */
export function withOperator(condition: FilterCondition, op: FilterOperator): FilterCondition {
  const previous = condition.op === 'is_null' ? undefined : condition.value;
  const first = Array.isArray(previous) ? previous[0] : previous;
  if (op === 'is_null') return { field: condition.field, op, value: true };
  if (op === 'in' || op === 'nin') return { field: condition.field, op, value: Array.isArray(previous) ? previous.filter((item) => !isBlank(item)) : isBlank(first) ? [] : [first] };
  if (op === 'between') return { field: condition.field, op, value: [isBlank(first) ? null : first, Array.isArray(previous) ? previous[1] ?? null : null] };
  return { field: condition.field, op, value: isBlank(first) ? null : first };
}

/** The condition on another field: the operator kept when the new field allows it, the value dropped. */
export function withField(condition: FilterCondition, name: string, field: OperatorField | undefined): FilterCondition {
  const allowed = field ? operatorsFor(field) : [];
  if (!allowed.includes(condition.op)) return newCondition(name, field);
  return withOperator({ field: name, op: condition.op }, condition.op);
}

/** True when the condition has the value its operator needs. */
export function isComplete(condition: FilterCondition): boolean {
  const { op, value } = condition;
  if (op === 'is_null') return typeof value === 'boolean' || value === undefined;
  if (op === 'in' || op === 'nin') return Array.isArray(value) && value.length > 0 && !value.some(isBlank);
  if (op === 'between') return Array.isArray(value) && value.length === 2 && !value.some(isBlank);
  return !isBlank(value);
}

/** How many conditions of a filter still lack a value. */
export function incompleteCount(filter: Filter | undefined): number {
  if (!filter) return 0;
  if ('not' in filter) return incompleteCount(filter.not);
  if (isGroup(filter)) return partsOf(filter).reduce((sum, part) => sum + incompleteCount(part), 0);
  return isComplete(filter) ? 0 : 1;
}

/** How many conditions a filter holds (the badge of the filter button). */
export function conditionCount(filter: Filter | undefined): number {
  if (!filter) return 0;
  if ('not' in filter) return conditionCount(filter.not);
  return isGroup(filter) ? partsOf(filter).reduce((sum, part) => sum + conditionCount(part), 0) : 1;
}

/** A typed-in value as the field's kind wants it: whole and percent numbers as numbers; exact decimals stay text. */
export function typedValue(text: string, field: OperatorField | undefined): unknown {
  const kind = field ? valueKindOf(field) : 'text';
  if ((kind === 'integer' || kind === 'percent') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}
