import { describe, expect, it } from 'vitest';
import { constraintTypes, hasColumn as engineHasColumn, isReadOnly } from '../../../core/src/documents/field-types.js';
import type { Field } from '../api/documents.js';
import { canBeRequired, canHaveDefault, fieldTypes, hasColumn, isEngineFilled, propertyTypes } from './field-rules.js';

const label = { 'zh-CN': '字段', en: 'Field' };

describe('field rules', () => {
  it('mirror the engine: the properties each type accepts', () => {
    expect(propertyTypes).toEqual(constraintTypes);
  });

  it('mirror the engine: columns and engine-filled fields', () => {
    const fields: Field[] = [
      ...fieldTypes.filter((type) => type !== 'relation').map((type) => ({ id: type, name: type, type, label })),
      ...(['many_to_one', 'one_to_many', 'many_to_many'] as const).map((kind) => ({ id: kind, name: kind, type: 'relation' as const, label, relation: { kind, target: 'x' } })),
    ];
    for (const field of fields) {
      expect(hasColumn(field)).toBe(engineHasColumn(field));
      expect(isEngineFilled(field)).toBe(isReadOnly(field));
    }
  });

  it('never offers required to a to-many relation or a default to an encrypted field', () => {
    expect(canBeRequired({ type: 'relation', relation: { kind: 'many_to_many' } })).toBe(false);
    expect(canBeRequired({ type: 'relation', relation: { kind: 'many_to_one' } })).toBe(true);
    expect(canHaveDefault({ type: 'text', encrypted: true })).toBe(false);
    expect(canHaveDefault({ type: 'text' })).toBe(true);
  });
});
