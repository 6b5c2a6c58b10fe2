import type { ModelObject } from '../api/workspace-model.js';

const titleTypes = new Set(['text', 'email', 'phone', 'url', 'autonumber']);

/** The field that names an object's records: its titleField, else its first text-like field. */
export function titleFieldOf(object: Pick<ModelObject, 'titleField' | 'fields'> | undefined): string | undefined {
  if (!object) return undefined;
  return object.titleField ?? object.fields.find((field) => titleTypes.has(field.type))?.name;
}

/** A record's title as plain text: its title field's value, else its id. */
export function recordTitle(record: Readonly<Record<string, unknown>>, titleField: string | undefined): string {
  const title = titleField === undefined ? undefined : record[titleField];
  if (typeof title === 'string' && title !== '') return title;
  if (typeof title === 'number') return String(title);
  return String(record.id ?? '');
}
