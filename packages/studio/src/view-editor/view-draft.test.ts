import { describe, expect, it } from 'vitest';
import type { Blueprint, ObjectDefinition, View } from '../api/documents.js';
import { isSameView, newView, removeView, upsertView, viewNameProblem, viewProblems, viewToSave } from './view-draft.js';

const label = { 'zh-CN': '订单', en: 'Orders' };
const orders: ObjectDefinition = {
  id: 'orders', name: 'orders', label, titleField: 'order_no',
  fields: [
    { id: 'customer', name: 'customer', type: 'relation', label, relation: { kind: 'many_to_one', target: 'customers' } },
    { id: 'order_no', name: 'order_no', type: 'text', label },
    { id: 'status', name: 'status', type: 'single_select', label, options: [{ value: 'open', label }] },
    { id: 'amount', name: 'amount', type: 'money', label },
    { id: 'extra', name: 'extra', type: 'json', label },
    { id: 'items', name: 'items', type: 'relation', label, relation: { kind: 'one_to_many', target: 'order_items', inverse: 'order' } },
  ],
};
const open: View = { id: 'open_orders', name: 'open_orders', object: 'orders', label, columns: [{ field: 'order_no' }] };
const blueprint: Blueprint = { label, objects: [orders], views: [open, { ...open, id: 'big', name: 'big' }] };

describe('viewNameProblem', () => {
  it('accepts a new identifier and the view\'s own name', () => {
    expect(viewNameProblem('late_orders', blueprint.views!, undefined)).toBeUndefined();
    expect(viewNameProblem('open_orders', blueprint.views!, 'open_orders')).toBeUndefined();
  });

  it('refuses empty, non-identifier, reserved and taken names', () => {
    expect(viewNameProblem('', [], undefined)).toBe('nameRequired');
    expect(viewNameProblem('Open Orders', [], undefined)).toBe('nameRule');
    expect(viewNameProblem('1st', [], undefined)).toBe('nameRule');
    expect(viewNameProblem('a'.repeat(64), [], undefined)).toBe('nameRule');
    expect(viewNameProblem('created_at', [], undefined)).toBe('nameReserved');
    expect(viewNameProblem('my__view', [], undefined)).toBe('nameReserved');
    expect(viewNameProblem('big', blueprint.views!, 'open_orders')).toBe('nameTaken');
  });
});

describe('newView', () => {
  it('starts a table of the title field and the first plain fields', () => {
    expect(newView(orders)).toEqual({ id: '', name: '', object: 'orders', label: { 'zh-CN': '', en: '' }, columns: [{ field: 'order_no' }, { field: 'status' }, { field: 'amount' }, { field: 'extra' }] });
  });
});

describe('viewProblems', () => {
  it('finds nothing in a complete view', () => {
    expect(viewProblems(open, orders, blueprint.views!, 'open_orders')).toEqual([]);
  });

  it('locates each missing or wrong part by its pointer', () => {
    const draft: View = { ...open, name: 'big', label: { 'zh-CN': ' ', en: 'x' }, columns: [], type: 'kanban', groupBy: 'amount', sort: [{ field: 'amount' }, { field: 'extra' }, { field: 'items' }] };
    expect(viewProblems(draft, orders, blueprint.views!, 'open_orders')).toEqual([
      { pointer: '/name', code: 'nameTaken' },
      { pointer: '/label/zh-CN', code: 'labelRequired' },
      { pointer: '/columns', code: 'columnsRequired' },
      { pointer: '/groupBy', code: 'groupByRequired' },
      { pointer: '/sort/1/field', code: 'sortField' },
      { pointer: '/sort/2/field', code: 'sortField' },
    ]);
  });

  it('asks for an object when the view has none the blueprint knows', () => {
    expect(viewProblems({ ...open, object: '' }, undefined, [], undefined)).toEqual([{ pointer: '/object', code: 'objectRequired' }]);
  });
});

describe('viewToSave', () => {
  it('gives a new view a unique id from its name and trims its labels', () => {
    const saved = viewToSave({ ...open, id: '', name: 'big', label: { 'zh-CN': ' 大单 ', en: 'Big ' } }, blueprint.views!);
    expect(saved).toEqual({ ...open, id: 'big_2', name: 'big', label: { 'zh-CN': '大单', en: 'Big' } });
  });

  it('keeps groupBy only on a kanban and drops empty filters, sorts and page sizes', () => {
    const draft: View = { ...open, type: 'table', groupBy: 'status', filter: { and: [{ or: [] }] }, sort: [], pageSize: 0 };
    expect(viewToSave(draft, [])).toEqual({ ...open, type: 'table' });
    const kanban: View = { ...open, type: 'kanban', groupBy: 'status', filter: { and: [{ field: 'amount', op: 'gt', value: 100 }, { or: [] }] }, sort: [{ field: 'amount', direction: 'desc' }], pageSize: 50 };
    expect(viewToSave(kanban, [])).toEqual({ ...kanban, filter: { and: [{ field: 'amount', op: 'gt', value: 100 }] } });
  });
});

describe('upsertView and removeView', () => {
  it('replace a view in its place, add a new one at the end, remove one by id', () => {
    const renamed = { ...open, name: 'still_open' };
    expect(upsertView(blueprint, renamed, 'open_orders').views!.map((view) => view.name)).toEqual(['still_open', 'big']);
    expect(upsertView(blueprint, { ...open, id: 'new', name: 'new' }, undefined).views!.map((view) => view.id)).toEqual(['open_orders', 'big', 'new']);
    expect(upsertView({ label, objects: [] }, open, undefined).views).toEqual([open]);
    expect(removeView(blueprint, 'open_orders').views).toEqual([blueprint.views![1]]);
    expect(blueprint.views).toHaveLength(2);
  });
});

describe('isSameView', () => {
  it('compares views whatever the order of their keys', () => {
    const reordered = JSON.parse('{"columns":[{"field":"order_no"}],"label":{"en":"Orders","zh-CN":"订单"},"object":"orders","name":"open_orders","id":"open_orders"}') as View;
    expect(isSameView(reordered, open)).toBe(true);
    expect(isSameView({ ...open, pageSize: 10 }, open)).toBe(false);
    expect(isSameView({ ...open, columns: [{ field: 'amount' }, { field: 'order_no' }] }, { ...open, columns: [{ field: 'order_no' }, { field: 'amount' }] })).toBe(false);
  });
});
