import type { ModelField, ModelObject } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';
import { operatorsFor } from './field-operators.js';

/** A field a filter condition may name: its path, its label, and its definition (none for a path the studio cannot resolve). */
export interface FilterField { name: string; label: string; field?: ModelField }

/**
 * The fields a list can be filtered on: the object's fields that have operators (to-many relations
 * have none), then when records were created and changed.
 */
export function filterFields(object: ModelObject, format: Formatters, systemLabel: (column: 'created_at' | 'updated_at') => string): FilterField[] {
  const own = object.fields.filter((field) => operatorsFor(field).length > 0).map((field) => ({ name: field.name, label: format.label(field.label, field.name), field }));
  const system = (['created_at', 'updated_at'] as const).map((name) => {
    const label = systemLabel(name);
    const field: ModelField = { name, type: 'datetime', label: { 'zh-CN': label, en: label }, access: 'read', personal: false };
    return { name, label, field };
  });
  return [...own, ...system];
}
