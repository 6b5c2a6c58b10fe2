import type { Form, LocalizedText } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';

const wide = new Set(['long_text', 'json']);

/**
 * The form of an object nobody designed: its readable fields in blueprint order, in one section
 * of two columns (long texts and json across both). One-to-many relations are left out: the
 * record page lists those records.
 */
export function defaultForm(object: Pick<ModelObject, 'name' | 'fields'>, title: LocalizedText): Form {
  const fields = object.fields.filter((field) => !(field.type === 'relation' && field.relation?.kind === 'one_to_many'));
  return { id: object.name, object: object.name, sections: [{ id: 'main', title, columns: 2, fields: fields.map((field) => (wide.has(field.type) ? { field: field.name, span: 2 } : { field: field.name })) }] };
}
