import { describe, expect, it } from 'vitest';
import type { WorkspaceModel } from '../api/workspace-model.js';
import { relatedLists } from './related-lists.js';
import { retailModel } from './retail-model.fixture.js';

const keys = (model: WorkspaceModel, object: string) => relatedLists(model, object).map((list) => list.key);

describe('relatedLists', () => {
  it('finds the many-to-one fields pointing at an object, declared one-to-many lists first', () => {
    expect(keys(retailModel(), 'customers')).toEqual([
      'orders.customer', 'points_ledger.customer', 'coupons.customer', 'interactions.customer', 'tasks.customer',
    ]);
    expect(keys(retailModel(), 'organizations')).toEqual(['contacts.organization', 'customers.organization']);
    const [contacts] = relatedLists(retailModel(), 'organizations');
    expect(contacts?.inverse?.name).toBe('contacts');
  });

  it('lists an object pointing through two fields twice, marked shared', () => {
    const model = retailModel();
    const coupons = model.objects.find((object) => object.name === 'coupons')!;
    coupons.fields.push({ ...coupons.fields.find((field) => field.name === 'customer')!, name: 'referrer' });
    const found = relatedLists(model, 'customers').filter((list) => list.object.name === 'coupons');
    expect(found.map((list) => [list.field.name, list.shared])).toEqual([['customer', true], ['referrer', true]]);
  });

  it('leaves out objects the caller cannot see, many-to-many links and unknown objects', () => {
    expect(keys(retailModel(['orders', 'tasks']), 'customers')).toEqual(['points_ledger.customer', 'coupons.customer', 'interactions.customer']);
    // customers.tags is many-to-many: a tag page has no list of customers (the list API cannot filter on it).
    expect(keys(retailModel(), 'tags')).toEqual([]);
    expect(keys(retailModel(), 'nothing')).toEqual([]);
  });
});
