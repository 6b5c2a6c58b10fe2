import { describe, expect, it } from 'vitest';
import type { RoleDocument } from '../api/roles.js';
import { documentToSave, effectiveFieldAccess, effectivePermission, resetObject, setAction, setFieldAccess } from './role-document.js';

const sales: RoleDocument = {
  name: 'sales', label: { 'zh-CN': '销售', en: 'Sales' },
  objects: { '*': { actions: ['read'], fields: { '*': 'read' }, rows: { field: 'owner_id', op: 'eq', value: '$user.id' } } },
};

describe('role document edits', () => {
  it('gives an object its own copy of the defaults before changing it, leaving "*" alone', () => {
    const next = setAction(sales, 'customers', 'create', true);
    expect(next.objects.customers).toEqual({ actions: ['read', 'create'], fields: { '*': 'read' }, rows: { field: 'owner_id', op: 'eq', value: '$user.id' } });
    expect(next.objects['*']).toEqual(sales.objects['*']);
    expect(sales.objects.customers).toBeUndefined();
  });

  it('names a field and lets it fall back to the default again', () => {
    const named = setFieldAccess(sales, 'customers', 'phone', 'none');
    expect(effectiveFieldAccess(effectivePermission(named, 'customers'), 'phone')).toBe('none');
    const unnamed = setFieldAccess(named, 'customers', 'phone', undefined);
    expect(effectiveFieldAccess(effectivePermission(unnamed, 'customers'), 'phone')).toBe('read');
  });

  it('a reset object takes the defaults again', () => {
    expect(effectivePermission(resetObject(setAction(sales, 'orders', 'delete', true), 'orders'), 'orders')).toEqual(sales.objects['*']);
  });

  it('prunes empty groups of a row rule before saving', () => {
    const document: RoleDocument = { ...sales, objects: { customers: { actions: ['read'], rows: { or: [{ and: [] }, { field: 'region', op: 'in', value: '$user.regions' }] } }, orders: { actions: [], rows: { and: [] } } } };
    expect(documentToSave(document).objects).toEqual({ customers: { actions: ['read'], rows: { or: [{ field: 'region', op: 'in', value: '$user.regions' }] } }, orders: { actions: [] } });
  });
});
