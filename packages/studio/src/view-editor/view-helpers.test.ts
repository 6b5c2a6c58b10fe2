import { describe, expect, it } from 'vitest';
import type { ObjectDefinition } from '../api/documents.js';
import { addColumn, moveColumn, removeColumn, setColumnWidth } from './column-list.js';
import { addSortKey, maxSortKeys, removeSortKey, setSortKey } from './sort-keys.js';
import { columnFields, filterFields, groupByFields, sortFields } from './view-fields.js';

const label = { 'zh-CN': '字段', en: 'Field' };
const object: ObjectDefinition = {
  id: 'people', name: 'people', label,
  fields: [
    { id: 'name', name: 'name', type: 'text', label },
    { id: 'phone', name: 'phone', type: 'phone', label, personal: true, encrypted: true },
    { id: 'level', name: 'level', type: 'single_select', label, options: [{ value: 'gold', label }] },
    { id: 'tags', name: 'tags', type: 'multi_select', label, options: [{ value: 'a', label }] },
    { id: 'data', name: 'data', type: 'json', label },
    { id: 'team', name: 'team', type: 'relation', label, relation: { kind: 'many_to_one', target: 'teams' } },
    { id: 'friends', name: 'friends', type: 'relation', label, relation: { kind: 'many_to_many', target: 'people' } },
  ],
};
const names = (fields: { name: string }[]) => fields.map((field) => field.name);
const system = ['owner_id', 'created_by', 'updated_by', 'created_at', 'updated_at'];

describe('view fields', () => {
  it('offers every field and the system columns as columns', () => {
    expect(names(columnFields(object))).toEqual(['name', 'phone', 'level', 'tags', 'data', 'team', 'friends', ...system]);
  });

  it('sorts only by fields with a column, never json or encrypted', () => {
    expect(names(sortFields(object))).toEqual(['name', 'level', 'tags', 'team', ...system]);
  });

  it('filters by fields with a column, and groups a kanban by single selects only', () => {
    expect(names(filterFields(object))).toEqual(['name', 'phone', 'level', 'tags', 'data', 'team', ...system]);
    expect(names(groupByFields(object))).toEqual(['level']);
  });
});

describe('column list', () => {
  const columns = [{ field: 'a' }, { field: 'b', width: 120 }, { field: 'c' }];

  it('adds a column once and removes one', () => {
    expect(addColumn(columns, 'd')).toEqual([...columns, { field: 'd' }]);
    expect(addColumn(columns, 'a')).toBe(columns);
    expect(removeColumn(columns, 'b')).toEqual([{ field: 'a' }, { field: 'c' }]);
  });

  it('moves a column onto another\'s place, either way', () => {
    expect(moveColumn(columns, 'c', 'a').map((column) => column.field)).toEqual(['c', 'a', 'b']);
    expect(moveColumn(columns, 'a', 'b').map((column) => column.field)).toEqual(['b', 'a', 'c']);
    expect(moveColumn(columns, 'x', 'b')).toBe(columns);
  });

  it('sets a whole width, and clears it', () => {
    expect(setColumnWidth(columns, 'a', 99.6)[0]).toEqual({ field: 'a', width: 100 });
    expect(setColumnWidth(columns, 'b', undefined)[1]).toEqual({ field: 'b' });
  });
});

describe('sort keys', () => {
  it('adds the next unused sortable field, up to the limit', () => {
    expect(addSortKey([], object)).toEqual([{ field: 'name', direction: 'asc' }]);
    expect(addSortKey([{ field: 'name' }], object)).toEqual([{ field: 'name' }, { field: 'level', direction: 'asc' }]);
    const full = Array.from({ length: maxSortKeys }, (_, index) => ({ field: `f${index}` }));
    expect(addSortKey(full, object)).toBe(full);
  });

  it('changes and removes a key by index', () => {
    const sort = [{ field: 'name' }, { field: 'level', direction: 'asc' as const }];
    expect(setSortKey(sort, 1, { direction: 'desc' })).toEqual([{ field: 'name' }, { field: 'level', direction: 'desc' }]);
    expect(removeSortKey(sort, 0)).toEqual([{ field: 'level', direction: 'asc' }]);
  });
});
