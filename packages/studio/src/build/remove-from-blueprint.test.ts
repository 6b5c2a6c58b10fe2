import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixtures.js';
import { removeFields, removeObject } from './remove-from-blueprint.js';

describe('removing a field from the blueprint', () => {
  it('takes it out of views, filters, sorts, forms, indexes and conditions', () => {
    const { blueprint, views, forms } = removeFields(buildFixture(), [{ object: 'customers', field: 'notes' }]);
    const customers = blueprint.objects[0]!;
    expect(customers.fields.map((field) => field.name)).toEqual(['name', 'city', 'tier', 'orders']);
    expect(customers.indexes).toEqual([{ fields: ['name'] }]);
    expect(blueprint.views!.map((view) => view.name)).toEqual(['all_customers', 'tier_board', 'shanghai_orders']);
    expect(blueprint.views![0]).toEqual({ id: 'all', name: 'all_customers', object: 'customers', label: { 'zh-CN': '全部客户', en: 'All customers' }, columns: [{ field: 'name' }], filter: { and: [{ field: 'city', op: 'eq', value: '上海' }] } });
    expect(blueprint.forms![0]!.sections).toEqual([{ id: 'main', title: { 'zh-CN': '基本', en: 'Main' }, fields: [{ field: 'name' }] }]);
    expect(views).toEqual(['all_customers', 'notes_only']);
    expect(forms).toEqual(['customers']);
  });

  it('turns a kanban whose lanes went into a table and clears the title field', () => {
    const { blueprint } = removeFields(buildFixture(), [{ object: 'customers', field: 'tier' }, { object: 'customers', field: 'name' }]);
    expect(blueprint.views!.find((view) => view.name === 'tier_board')).toBeUndefined();
    const kept = removeFields(buildFixture(), [{ object: 'customers', field: 'tier' }]).blueprint.views!.find((view) => view.name === 'tier_board');
    expect(kept).toEqual({ id: 'board', name: 'tier_board', object: 'customers', label: { 'zh-CN': '看板', en: 'Board' }, columns: [{ field: 'name' }] });
    expect(blueprint.objects[0]!.titleField).toBeUndefined();
  });

  it('removes the one_to_many read side of a removed many_to_one, and filters crossing it', () => {
    const { blueprint, fields } = removeFields(buildFixture(), [{ object: 'orders', field: 'customer' }]);
    expect(fields).toEqual([{ object: 'customers', field: 'orders' }]);
    expect(blueprint.objects[0]!.fields.some((field) => field.name === 'orders')).toBe(false);
    expect(blueprint.views!.find((view) => view.name === 'shanghai_orders')!.filter).toBeUndefined();
  });

  it('leaves the given blueprint untouched', () => {
    const before = buildFixture();
    removeFields(before, [{ object: 'customers', field: 'notes' }]);
    expect(before).toEqual(buildFixture());
  });
});

describe('removing an object from the blueprint', () => {
  it('removes its views, its form and the relation fields of other objects pointing at it', () => {
    const { blueprint, fields, views, forms } = removeObject(buildFixture(), 'customers');
    expect(blueprint.objects.map((object) => object.name)).toEqual(['orders']);
    expect(blueprint.objects[0]!.fields.map((field) => field.name)).toEqual(['total']);
    expect(fields).toEqual([{ object: 'orders', field: 'customer' }]);
    expect(blueprint.views).toEqual([{ id: 'shanghai', name: 'shanghai_orders', object: 'orders', label: { 'zh-CN': '上海订单', en: 'Shanghai orders' }, columns: [{ field: 'total' }] }]);
    expect(views).toEqual(['all_customers', 'notes_only', 'tier_board', 'shanghai_orders']);
    expect(forms).toEqual(['customers', 'orders']);
    expect(blueprint.forms!.map((form) => form.object)).toEqual(['orders']);
  });
});
