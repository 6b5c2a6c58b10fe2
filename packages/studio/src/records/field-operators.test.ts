import { describe, expect, it } from 'vitest';
import { operatorsFor as engineOperators } from '../../../core/src/documents/field-types.js';
import type { Field } from '../api/documents.js';
import { operatorsFor, valueKindOf } from './field-operators.js';

const label = { 'zh-CN': '字段', en: 'Field' };
const types: Field['type'][] = ['text', 'long_text', 'integer', 'decimal', 'money', 'percent', 'boolean', 'date', 'datetime', 'single_select', 'multi_select', 'email', 'phone', 'url', 'json', 'autonumber'];
const fields: Field[] = [
  ...types.map((type) => ({ id: type, name: type, type, label })),
  { id: 'owner', name: 'owner', type: 'relation', label, relation: { kind: 'many_to_one', target: 'users' } },
  { id: 'tags', name: 'tags', type: 'relation', label, relation: { kind: 'many_to_many', target: 'tags' } },
  { id: 'orders', name: 'orders', type: 'relation', label, relation: { kind: 'one_to_many', target: 'orders', inverse: 'customer' } },
  { id: 'score', name: 'score', type: 'computed', label, computed: { resultType: 'decimal' } },
  { id: 'grade', name: 'grade', type: 'computed', label, computed: { resultType: 'text' } },
];

describe('operators per field type', () => {
  it.each(fields.map((field) => [field.name, field] as const))('offers on %s exactly what the engine accepts', (_name, field) => {
    expect([...operatorsFor(field)].sort()).toEqual([...engineOperators(field)].sort());
  });

  it('offers only exact lookups on an encrypted field', () => {
    expect(operatorsFor({ type: 'phone', encrypted: true })).toEqual(['eq', 'ne', 'in', 'nin', 'is_null']);
  });

  it('gives no operator to a to-many relation and the uuid kind to a many-to-one', () => {
    expect(operatorsFor(fields.find((field) => field.name === 'tags')!)).toEqual([]);
    expect(valueKindOf(fields.find((field) => field.name === 'owner')!)).toBe('uuid');
    expect(operatorsFor({ type: 'multi_select' })).toEqual(['contains', 'in', 'is_null']);
  });
});
