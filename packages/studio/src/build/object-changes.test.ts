import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixtures.js';
import { addObject, newObject, objectNameProblem, relabelObject } from './object-changes.js';

describe('object changes', () => {
  it('refuses bad, taken and archived names, and accepts an object keeping its own', () => {
    const blueprint = buildFixture();
    expect(objectNameProblem('Leads', blueprint, [])).toBe('rule');
    expect(objectNameProblem('1leads', blueprint, [])).toBe('rule');
    expect(objectNameProblem('a'.repeat(64), blueprint, [])).toBe('rule');
    expect(objectNameProblem('orders', blueprint, [])).toBe('taken');
    expect(objectNameProblem('leads', blueprint, ['leads'])).toBe('archived');
    expect(objectNameProblem('leads', blueprint, [])).toBeUndefined();
    expect(objectNameProblem('customers', blueprint, [], 'customers')).toBeUndefined();
    expect(objectNameProblem('orders', blueprint, [], 'customers')).toBe('taken');
  });

  it('creates an object whose id is its name, with a name field as its title', () => {
    const object = newObject({ name: 'leads', label: { 'zh-CN': '线索', en: 'Leads' } }, { 'zh-CN': '名称', en: 'Name' });
    expect(object).toEqual({ id: 'leads', name: 'leads', label: { 'zh-CN': '线索', en: 'Leads' }, titleField: 'name', fields: [{ id: 'name', name: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } }] });
    expect(addObject(buildFixture(), object).objects.map((entry) => entry.name)).toEqual(['customers', 'orders', 'leads']);
  });

  it('renames an object keeping its id and following the name in relations', () => {
    const next = relabelObject(buildFixture(), 'customers', { name: 'clients', label: { 'zh-CN': '客户们', en: 'Clients' } });
    expect(next.objects[0]).toMatchObject({ id: 'customers', name: 'clients', label: { 'zh-CN': '客户们', en: 'Clients' } });
    expect(next.objects[1]!.fields[0]!.relation!.target).toBe('clients');
  });
});
