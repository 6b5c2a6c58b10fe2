import type { Field } from '../api/documents.js';

/** Every field type, in the order the type picker offers them. */
export const fieldTypes: readonly Field['type'][] = [
  'text', 'long_text', 'integer', 'decimal', 'money', 'percent', 'boolean', 'date', 'datetime',
  'single_select', 'multi_select', 'email', 'phone', 'url', 'json', 'relation', 'autonumber', 'computed',
];

/**
 * The field types each property applies to: the engine's allowlist
 * (packages/core/src/documents/field-types.ts `constraintTypes`), mirrored so that the drawer shows
 * only what a type accepts; a test keeps the two equal.
 */
export const propertyTypes: Record<string, readonly Field['type'][]> = {
  minLength: ['text', 'long_text'],
  maxLength: ['text', 'long_text', 'email', 'phone', 'url'],
  pattern: ['text', 'long_text'],
  min: ['integer', 'decimal', 'money', 'percent'],
  max: ['integer', 'decimal', 'money', 'percent'],
  precision: ['decimal', 'money'],
  scale: ['decimal', 'money'],
  currency: ['money'],
  options: ['single_select', 'multi_select'],
  relation: ['relation'],
  autonumber: ['autonumber'],
  computed: ['computed'],
  unique: ['text', 'email', 'phone', 'url', 'integer', 'decimal', 'money', 'date', 'datetime', 'single_select', 'autonumber', 'relation'],
};

/** Types whose values can be stored encrypted (and only when personal). */
export const encryptableTypes: readonly Field['type'][] = ['text', 'long_text', 'email', 'phone', 'url'];

type Shape = Pick<Field, 'type'> & { relation?: Pick<NonNullable<Field['relation']>, 'kind'> };

/** Whether a property applies to a field of this type. */
export function applies(property: string, type: Field['type']): boolean {
  return propertyTypes[property]?.includes(type) ?? true;
}

/** Whether the engine fills the field, so that it is never required, written or given a default. */
export function isEngineFilled(field: Shape): boolean {
  return field.type === 'autonumber' || field.type === 'computed' || (field.type === 'relation' && field.relation?.kind === 'one_to_many');
}

/** Whether the field is a column of its own table (to-many relations are not): only those can be indexed or name records. */
export function hasColumn(field: Shape): boolean {
  return field.type !== 'relation' || field.relation?.kind === 'many_to_one';
}

/** Whether a field may be required: a column the user writes. */
export function canBeRequired(field: Shape): boolean {
  return hasColumn(field) && !isEngineFilled(field);
}

/** Whether a field may have a default: a value the user writes, not a relation, not encrypted. */
export function canHaveDefault(field: Shape & { encrypted?: boolean }): boolean {
  return field.type !== 'relation' && !isEngineFilled(field) && field.encrypted !== true;
}
