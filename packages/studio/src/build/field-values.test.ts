import { describe, expect, it } from 'vitest';
import type { Field } from '../api/documents.js';
import { buildFixture } from './build-fixtures.js';
import { fieldToValues, newFieldId, valuesToField, type FieldValues } from './field-values.js';

const label = { 'zh-CN': '字段', en: 'Field' };

describe('field values of the drawer', () => {
  it('round-trips every field of the fixture', () => {
    for (const object of buildFixture().objects) {
      for (const field of object.fields) expect(valuesToField(fieldToValues(field), field.id, field)).toEqual(field);
    }
  });

  it('keeps only what the type accepts when the type changes', () => {
    const notes: Field = { id: 'notes', name: 'notes', type: 'text', label, maxLength: 200, pattern: '^a', unique: true, default: 'x' };
    const values: FieldValues = { ...fieldToValues(notes), type: 'integer', default: 3, min: 0 };
    expect(valuesToField(values, 'notes')).toEqual({ id: 'notes', name: 'notes', type: 'integer', label, min: 0, unique: true, default: 3 });
    expect(valuesToField({ ...fieldToValues(notes), type: 'long_text' }, 'notes')).toEqual({ id: 'notes', name: 'notes', type: 'long_text', label, maxLength: 200, pattern: '^a', default: 'x' });
  });

  it('types defaults: yes/no, JSON, empty lists', () => {
    expect(valuesToField({ name: 'vip', type: 'boolean', label, default: 'false' }, 'vip').default).toBe(false);
    expect(valuesToField({ name: 'meta', type: 'json', label, defaultJson: '{"a": 1}' }, 'meta').default).toEqual({ a: 1 });
    expect(valuesToField({ name: 'tags', type: 'multi_select', label, options: [{ value: 'a', label }], default: [] }, 'tags')).toEqual({ id: 'tags', name: 'tags', type: 'multi_select', label, options: [{ value: 'a', label }] });
    expect(fieldToValues({ id: 'vip', name: 'vip', type: 'boolean', label, default: true }).default).toBe('true');
  });

  it('encrypts only personal text and fills a help written in one language', () => {
    const field = valuesToField({ name: 'phone', type: 'phone', label, personal: true, encrypted: true, unique: true, help: { 'zh-CN': '手机号' } }, 'phone');
    expect(field).toEqual({ id: 'phone', name: 'phone', type: 'phone', label, help: { 'zh-CN': '手机号', en: '手机号' }, personal: true, encrypted: true });
    expect(valuesToField({ name: 'age', type: 'integer', label, encrypted: true, personal: true }, 'age').encrypted).toBeUndefined();
    expect(valuesToField({ name: 'notes', type: 'text', label, encrypted: true }, 'notes').encrypted).toBeUndefined();
  });

  it('shapes relations by kind and keeps a computed expression', () => {
    expect(valuesToField({ name: 'customer', type: 'relation', label, relation: { kind: 'many_to_many', target: 'customers', inverse: 'x', onDelete: 'cascade' }, required: true }, 'customer'))
      .toEqual({ id: 'customer', name: 'customer', type: 'relation', label, relation: { kind: 'many_to_many', target: 'customers' } });
    const score: Field = { id: 'score', name: 'score', type: 'computed', label, computed: { resultType: 'decimal', expression: { add: [1, 2] } } };
    expect(valuesToField({ ...fieldToValues(score), required: true }, 'score', score)).toEqual(score);
  });

  it('gives a new field an id no present or archived field has', () => {
    expect(newFieldId('phone', new Set(['name']))).toBe('phone');
    expect(newFieldId('phone', new Set(['phone', 'phone_2']))).toBe('phone_3');
  });
});
