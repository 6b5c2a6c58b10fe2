import { describe, expect, it } from 'vitest';
import type { View } from '../api/documents.js';
import { customersFixture as customers } from './customers-fixture.js';
import { effectiveList } from './effective-list.js';
import { exportParams, listParams } from './list-params.js';

const vip: View = {
  id: 'vip', name: 'vip', object: 'customers', label: { 'zh-CN': '会员', en: 'Members' },
  columns: [{ field: 'name', width: 200 }, { field: 'member_level' }, { field: 'tags' }, { field: 'orders' }, { field: 'hidden_from_me' }],
  filter: { field: 'member_level.code', op: 'in', value: ['gold'] }, sort: [{ field: 'total_spent', direction: 'desc' }], pageSize: 100,
};
const visible = new Set(['customers', 'member_levels', 'tags']);

describe('the list shown: URL over view over defaults', () => {
  it('takes the view\'s columns (known ones, widths kept), filter, order and page size', () => {
    expect(effectiveList({}, vip, customers)).toEqual({
      columns: [{ field: 'name', width: 200 }, { field: 'member_level' }, { field: 'tags' }],
      filter: vip.filter, sort: [{ field: 'total_spent', direction: 'desc' }], pageSize: 100, layout: 'table',
    });
  });

  it('lets the URL override each part, a null filter removing the view\'s', () => {
    const list = effectiveList({ columns: ['phone', 'name'], filter: null, sort: [], pageSize: 20, search: '王' }, vip, customers);
    expect(list).toEqual({ columns: [{ field: 'phone' }, { field: 'name', width: 200 }], sort: [], pageSize: 20, search: '王', layout: 'table' });
  });

  it('falls back to the first scalar fields and 50 rows, and to a table when nothing can be a lane', () => {
    const list = effectiveList({ layout: 'kanban' }, undefined, customers);
    expect(list.columns.map((column) => column.field)).toEqual(['code', 'name', 'gender', 'phone', 'total_spent', 'points_balance', 'interests']);
    expect(list).toMatchObject({ pageSize: 50, layout: 'kanban', groupBy: 'gender' });
    expect(effectiveList({ layout: 'kanban' }, undefined, { ...customers, fields: customers.fields.filter((field) => field.type !== 'single_select') }).layout).toBe('table');
  });
});

describe('list API parameters', () => {
  it('asks for the shown columns, embeds readable relations and sends the cursor, count and search', () => {
    const list = effectiveList({ search: ' 王 ' }, vip, customers);
    expect(listParams(list, customers, visible, { cursor: 'abc', count: true })).toEqual({
      filter: JSON.stringify(vip.filter), sort: '-total_spent', limit: 100, cursor: 'abc', count: true,
      fields: 'name,member_level', include: 'member_level,tags', search: '王',
    });
  });

  it('narrows a kanban lane with one more condition and leaves out relations to objects the caller cannot see', () => {
    const list = effectiveList({ layout: 'kanban' }, vip, customers);
    const params = listParams(list, customers, new Set(['customers']), { limit: 20, also: { field: 'gender', op: 'eq', value: 'male' } });
    expect(JSON.parse(String(params.filter))).toEqual({ and: [vip.filter, { field: 'gender', op: 'eq', value: 'male' }] });
    expect(params).toMatchObject({ limit: 20, fields: 'name,gender,member_level', include: undefined, count: undefined });
  });

  it('exports the filter, order and table columns', () => {
    expect(exportParams(effectiveList({}, vip, customers), customers, 'xlsx')).toEqual({
      format: 'xlsx', filter: JSON.stringify(vip.filter), sort: '-total_spent', fields: 'name,member_level',
    });
  });
});
