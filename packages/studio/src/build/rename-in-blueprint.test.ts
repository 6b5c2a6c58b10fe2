import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixtures.js';
import { renameFieldReferences, renameObject } from './rename-in-blueprint.js';

describe('renaming in the blueprint', () => {
  it('follows a field rename in views, filters, forms, indexes and the title field', () => {
    const next = renameFieldReferences(buildFixture(), 'customers', 'notes', 'remark');
    expect(next.views![0]!.columns).toEqual([{ field: 'name' }, { field: 'remark' }]);
    expect(next.views![0]!.sort).toEqual([{ field: 'remark' }]);
    expect(next.views![0]!.filter).toEqual({ and: [{ field: 'remark', op: 'contains', value: 'x' }, { field: 'city', op: 'eq', value: '上海' }] });
    expect(next.forms![0]!.sections[1]).toMatchObject({ visibleWhen: { field: 'remark', op: 'is_null' }, fields: [{ field: 'remark' }] });
    expect(next.objects[0]!.indexes).toEqual([{ fields: ['city', '-remark'] }, { fields: ['name'] }]);
  });

  it('follows a rename through relations and into one_to_many inverses', () => {
    const city = renameFieldReferences(buildFixture(), 'customers', 'city', 'town');
    expect(city.views![3]!.filter).toEqual({ field: 'customer.town', op: 'eq', value: '上海' });
    expect(city.objects[0]!.titleField).toBe('name');
    const customer = renameFieldReferences(buildFixture(), 'orders', 'customer', 'buyer');
    expect(customer.objects[0]!.fields[4]!.relation).toEqual({ kind: 'one_to_many', target: 'orders', inverse: 'buyer' });
    expect(customer.views![3]!.filter).toEqual({ field: 'buyer.city', op: 'eq', value: '上海' });
    expect(customer.forms![1]!.sections[0]!.fields[0]).toEqual({ field: 'buyer' });
  });

  it('renames an object and what points at it, keeping its id', () => {
    const next = renameObject(buildFixture(), 'customers', 'clients');
    expect(next.objects[0]).toMatchObject({ id: 'customers', name: 'clients' });
    expect(next.objects[1]!.fields[0]!.relation).toEqual({ kind: 'many_to_one', target: 'clients' });
    expect(next.views!.filter((view) => view.object === 'clients')).toHaveLength(3);
    expect(next.forms![0]!.object).toBe('clients');
  });
});
