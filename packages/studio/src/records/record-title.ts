import type { TFunction } from 'i18next';
import type { ModelObject } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';
import { displayValue } from './display-value.js';

/** Where a record's page is. */
export const recordPath = (slug: string, object: string, id: string) => `/w/${encodeURIComponent(slug)}/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`;

/** A record's title as text: its title field shown as a cell shows it, else its id. */
export function recordTitle(object: ModelObject | undefined, record: Record<string, unknown>, format: Formatters, t: TFunction): string {
  const field = object?.fields.find((candidate) => candidate.name === object.titleField);
  const text = field ? displayValue(field, record[field.name], format, t) : '';
  return text || `#${String(record.id)}`;
}
