import { describe, expect, it } from 'vitest';
import { teamsBlueprint } from '../../test/fixtures.js';
import type { TesseraError } from '../errors/index.js';
import { validateBlueprint } from './validate-blueprint.js';
import type { Blueprint, Field } from './generated-types.js';

function errorsOf(indexFields: string[]): string[] {
  const blueprint = teamsBlueprint();
  blueprint.objects[1]!.indexes = [{ fields: indexFields }];
  try {
    validateBlueprint(blueprint);
    return [];
  } catch (error) {
    return (error as TesseraError).errors.map((item) => `${item.pointer} ${item.code}`);
  }
}

describe('declared indexes', () => {
  it('accept fields and system columns, ascending or descending', () => {
    expect(errorsOf(['team', '-age', 'created_at'])).toEqual([]);
  });

  it('refuse unknown fields and malformed keys, with a pointer to each', () => {
    expect(errorsOf(['-nope'])).toEqual(['/objects/1/indexes/0/fields/0 unknown_reference']);
    expect(errorsOf(['age', '--age'])).toEqual(['/objects/1/indexes/0/fields/1 pattern']);
  });
});

describe('encrypted fields', () => {
  function errorsWith(change: (fields: Field[]) => void, view?: Blueprint['views']): string[] {
    const blueprint = teamsBlueprint();
    change(blueprint.objects[1]!.fields);
    if (view) blueprint.views = view;
    try {
      validateBlueprint(blueprint);
      return [];
    } catch (error) {
      return (error as TesseraError).errors.map((item) => `${item.pointer} ${item.code} ${item.message.en}`);
    }
  }
  const phone = (fields: Field[]) => fields.find((field) => field.name === 'phone')!;
  const email = (fields: Field[]) => fields.find((field) => field.name === 'email')!;

  it('accept personal text, long_text, email, phone and url fields', () => {
    expect(errorsWith((fields) => Object.assign(phone(fields), { personal: true, encrypted: true }))).toEqual([]);
    expect(errorsWith((fields) => fields.push({ id: 'bio', name: 'bio', type: 'long_text', label: { en: 'bio', 'zh-CN': 'bio' }, personal: true, encrypted: true, minLength: 2, pattern: '^\\S' }))).toEqual([]);
  });

  it('refuse an encrypted field that is not personal, not textual, unique, indexed, defaulted, declared in an index or sorted by a view', () => {
    expect(errorsWith((fields) => Object.assign(phone(fields), { encrypted: true }))).toEqual(['/objects/1/fields/4/encrypted encrypted_needs_personal an encrypted field must also be personal (personal: true)']);
    expect(errorsWith((fields) => Object.assign(fields.find((field) => field.name === 'age')!, { personal: true, encrypted: true }))).toEqual(['/objects/1/fields/1/encrypted not_applicable does not apply to type integer']);
    expect(errorsWith((fields) => Object.assign(email(fields), { personal: true, encrypted: true }))).toEqual([
      '/objects/1/fields/3/unique encrypted_not_indexable an encrypted field cannot be used for unique: the database cannot compare or order ciphertexts (exact lookups go through its blind index; deduplication through it comes later)',
    ]);
    expect(errorsWith((fields) => Object.assign(phone(fields), { personal: true, encrypted: true, indexed: true }))[0]).toMatch(/^\/objects\/1\/fields\/4\/indexed encrypted_not_indexable .* used for indexed/);
    expect(errorsWith((fields) => Object.assign(phone(fields), { personal: true, encrypted: true, default: '+8613800000000' }))).toEqual(['/objects/1/fields/4/default encrypted_no_default an encrypted field cannot have a default: it would sit in clear in the table definition']);
    const indexed = teamsBlueprint();
    Object.assign(phone(indexed.objects[1]!.fields), { personal: true, encrypted: true });
    indexed.objects[1]!.indexes = [{ fields: ['team', 'phone'] }];
    expect(() => validateBlueprint(indexed)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ pointer: '/objects/1/indexes/0/fields/1', code: 'encrypted_not_indexable' })] }));
    const sorted = errorsWith((fields) => Object.assign(phone(fields), { personal: true, encrypted: true }), [
      { id: 'v', name: 'by_phone', object: 'people', label: { en: 'v', 'zh-CN': 'v' }, columns: [{ field: 'name' }], sort: [{ field: 'phone', direction: 'asc' }] },
    ]);
    expect(sorted).toEqual(['/views/0/sort/0/field encrypted_not_indexable an encrypted field cannot be used for sort: the database cannot compare or order ciphertexts (exact lookups go through its blind index; deduplication through it comes later)']);
  });

  it('refuse a view filter that would need to read inside ciphertexts', () => {
    const view = (filter: unknown) => [{ id: 'v', name: 'v', object: 'people', label: { en: 'v', 'zh-CN': 'v' }, columns: [{ field: 'name' }], filter }] as Blueprint['views'];
    const encrypt = (fields: Field[]) => Object.assign(phone(fields), { personal: true, encrypted: true });
    expect(errorsWith(encrypt, view({ and: [{ field: 'phone', op: 'in', value: ['+8613800000000'] }, { field: 'phone', op: 'is_null', value: false }] }))).toEqual([]);
    expect(errorsWith(encrypt, view({ or: [{ field: 'name', op: 'eq', value: 'x' }, { not: { field: 'phone', op: 'starts_with', value: '+86' } }] })).map((line) => line.split(' ').slice(0, 2).join(' ')))
      .toEqual(['/views/0/filter/or/1/not/op encrypted_not_indexable']);
  });

  it('word each refusal in Chinese too', () => {
    const blueprint = teamsBlueprint();
    Object.assign(phone(blueprint.objects[1]!.fields), { encrypted: true });
    const error = (() => { try { validateBlueprint(blueprint); } catch (caught) { return caught as TesseraError; } return undefined; })();
    expect(error?.errors[0]?.message['zh-CN']).toBe('加密字段须同时标记为个人信息（personal: true）');
  });
});
