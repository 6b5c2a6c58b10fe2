import type { TFunction } from 'i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { titleFieldOf } from '../forms/record-title.js';
import type { Formatters } from '../i18n/formatters.js';
import { displayValue } from '../records/display-value.js';
import type { SearchHit } from './use-global-search.js';

/**
 * Some values of a search hit as one line of text under its title, "手机号：138****0000；城市：杭州":
 * the named fields in order, leaving out the title field (the title shows it) and empty values.
 * Values go through displayValue when the field is in the caller's model, else as plain text.
 */
export function hitFieldsText(hit: SearchHit, names: string[], object: ModelObject | undefined, format: Formatters, t: TFunction): string {
  return [...new Set(names)]
    .filter((name) => name !== titleFieldOf(object))
    .flatMap((name) => {
      const value = hit.values?.[name];
      if (value === null || value === undefined || value === '') return [];
      const field = object?.fields.find((candidate) => candidate.name === name);
      const text = field ? displayValue(field, value, format, t) : typeof value === 'object' ? JSON.stringify(value) : String(value);
      return [t('record.search.matched', { field: field ? format.label(field.label, name) : name, value: text })];
    })
    .join(t('record.search.separator'));
}
