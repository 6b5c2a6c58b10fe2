import type { TFunction } from 'i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { titleFieldOf } from '../forms/record-title.js';
import type { Formatters } from '../i18n/formatters.js';
import { displayValue } from '../records/display-value.js';

/** A record's name as text in the current language: its title field's value (as the forms choose it), else "untitled <object>". */
export function recordTitle(object: ModelObject, record: Record<string, unknown> | null | undefined, format: Formatters, t: TFunction): string {
  const name = titleFieldOf(object);
  const field = object.fields.find((candidate) => candidate.name === name);
  const text = field && record ? displayValue(field, record[field.name], format, t).trim() : '';
  return text || t('record.untitled', { object: format.label(object.label, object.name) });
}
