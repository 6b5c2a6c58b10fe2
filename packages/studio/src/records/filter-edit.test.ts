import { describe, expect, it } from 'vitest';
import type { Filter } from '../api/documents.js';
import { conditionCount, editableGroup, incompleteCount, isComplete, newCondition, prunedFilter, typedValue, withField, withOperator } from './filter-edit.js';

describe('filter edits', () => {
  it('starts a condition with the field\'s first operator and an empty value of its shape', () => {
    expect(newCondition('name', { type: 'text' })).toEqual({ field: 'name', op: 'eq', value: null });
    expect(newCondition('interests', { type: 'multi_select' })).toEqual({ field: 'interests', op: 'contains', value: null });
    expect(newCondition('data', { type: 'json' })).toEqual({ field: 'data', op: 'is_null', value: true });
  });

  it('reshapes the value when the operator changes', () => {
    const eq = { field: 'points', op: 'eq' as const, value: 5 };
    expect(withOperator(eq, 'in')).toEqual({ field: 'points', op: 'in', value: [5] });
    expect(withOperator(eq, 'between')).toEqual({ field: 'points', op: 'between', value: [5, null] });
    expect(withOperator({ field: 'points', op: 'in', value: [3, 4] }, 'gt')).toEqual({ field: 'points', op: 'gt', value: 3 });
    expect(withOperator(eq, 'is_null')).toEqual({ field: 'points', op: 'is_null', value: true });
    expect(withOperator({ field: 'done', op: 'is_null', value: true }, 'eq')).toEqual({ field: 'done', op: 'eq', value: null });
  });

  it('keeps the operator on a new field that allows it, else takes the field\'s first', () => {
    expect(withField({ field: 'name', op: 'in', value: ['a'] }, 'points', { type: 'integer' })).toEqual({ field: 'points', op: 'in', value: [] });
    expect(withField({ field: 'name', op: 'contains', value: 'a' }, 'points', { type: 'integer' })).toEqual({ field: 'points', op: 'eq', value: null });
  });

  it('knows which conditions still need a value', () => {
    expect(isComplete({ field: 'a', op: 'eq', value: ' ' })).toBe(false);
    expect(isComplete({ field: 'a', op: 'eq', value: false })).toBe(true);
    expect(isComplete({ field: 'a', op: 'between', value: [1, null] })).toBe(false);
    expect(isComplete({ field: 'a', op: 'in', value: [] })).toBe(false);
    expect(isComplete({ field: 'a', op: 'is_null' })).toBe(true);
    const filter: Filter = { or: [{ field: 'a', op: 'eq', value: null }, { not: { and: [{ field: 'b', op: 'gt', value: 1 }, { field: 'c', op: 'in', value: [] }] } }] };
    expect(incompleteCount(filter)).toBe(2);
    expect(conditionCount(filter)).toBe(3);
  });

  it('edits any filter as a group and drops empty groups before applying', () => {
    const condition = { field: 'a', op: 'eq' as const, value: 1 };
    expect(editableGroup(condition)).toEqual({ and: [condition] });
    expect(editableGroup(undefined)).toEqual({ and: [] });
    expect(prunedFilter({ and: [condition] })).toEqual(condition);
    expect(prunedFilter({ and: [{ or: [] }, { not: { and: [] } }] })).toBeUndefined();
    expect(prunedFilter({ or: [condition, { and: [] }, { not: { and: [condition] } }] })).toEqual({ or: [condition, { not: condition }] });
  });

  it('types whole numbers as numbers and keeps exact decimals as text', () => {
    expect(typedValue('12', { type: 'integer' })).toBe(12);
    expect(typedValue('12.50', { type: 'money' })).toBe('12.50');
    expect(typedValue('x', { type: 'integer' })).toBe('x');
  });
});
