import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { recordTitle, titleFieldOf } from './record-title.js';

/** Titles of the related records a record embeds (read with `include=`), by id. */
export function relationTitles(fields: readonly ModelField[], record: Readonly<Record<string, unknown>>, objects: readonly ModelObject[]): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const field of fields) {
    if (field.type !== 'relation' || !field.relation) continue;
    const titleField = titleFieldOf(objects.find((object) => object.name === field.relation!.target));
    const value = record[field.name];
    for (const related of Array.isArray(value) ? value : [value]) {
      if (typeof related === 'object' && related !== null && 'id' in related) {
        titles[String((related as { id: unknown }).id)] = recordTitle(related as Record<string, unknown>, titleField);
      }
    }
  }
  return titles;
}
