import { describe, expect, it } from 'vitest';
import { modelBlueprint, type Blueprint } from '../documents/index.js';
import { field, label, teamsBlueprint } from '../../test/fixtures.js';
import { validateRole } from './role-store.js';

/** Role documents are checked against the blueprint before they are saved. */
describe('validateRole', () => {
  const blueprint: Blueprint = teamsBlueprint();
  blueprint.objects[1]!.fields.push(field('mobile', 'phone', { personal: true, encrypted: true }));
  const model = modelBlueprint(blueprint);
  const role = (objects: Record<string, unknown>) => ({ name: 'r', label: label('r'), objects });
  const errorsOf = (document: unknown) => {
    try {
      validateRole(document, model);
      return [];
    } catch (error) {
      return (error as { errors: { pointer: string; code: string }[] }).errors.map((found) => `${found.pointer} ${found.code}`);
    }
  };

  it('accepts rules on fields, system columns and known variables', () => {
    expect(errorsOf(role({ people: { actions: ['read'], rows: { and: [{ field: 'owner_id', op: 'eq', value: '$user.id' }, { field: 'mobile', op: 'eq', value: '+8613800000000' }] } } }))).toEqual([]);
    expect(errorsOf(role({ '*': { actions: ['read'], fields: { '*': 'read' }, rows: { field: 'owner_id', op: 'in', value: '$user.team_member_ids' } } }))).toEqual([]);
  });

  it('refuses unknown objects, fields and variables, and a rule the database could not run on an encrypted field', () => {
    expect(errorsOf(role({ nope: { actions: ['read'] } }))).toEqual(['/objects/nope unknown_reference']);
    expect(errorsOf(role({ people: { actions: ['read'], fields: { salaryy: 'none' } } }))).toEqual(['/objects/people/fields/salaryy unknown_reference']);
    expect(errorsOf(role({ people: { actions: ['read'], rows: { field: 'name', op: 'eq', value: '$user.password' } } }))).toEqual(['/objects/people/rows/value unknown_reference']);
    expect(errorsOf(role({ people: { actions: ['read'], rows: { field: 'mobile', op: 'contains', value: '138' } } }))).toEqual(['/objects/people/rows/op encrypted_not_indexable']);
    expect(errorsOf(role({ '*': { actions: ['read'], rows: { field: 'age', op: 'gt', value: 1 } } }))).toEqual(['/objects/*/rows/field unknown_reference']);
  });

  it('refuses hostile keys through the schema', () => {
    expect(errorsOf(JSON.parse('{"name":"r","label":{"zh-CN":"r","en":"r"},"objects":{"__proto__":{"actions":["read"]}}}'))).not.toEqual([]);
    expect(errorsOf(role({ people: { actions: ['read', 'drop_table'] } }))).not.toEqual([]);
  });
});
