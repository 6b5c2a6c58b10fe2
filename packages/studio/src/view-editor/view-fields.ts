import type { Field, ObjectDefinition } from '../api/documents.js';
import { systemFields } from '../roles/role-document.js';

/** A field a view may name, with its definition (none for a system column such as created_at). */
export interface ViewField { name: string; type: string; field: Field | undefined }

// Mirrors the engine's hasColumn (packages/core field-types): one_to_many and many_to_many
// relations have no column of their own to show, sort or filter by.
const hasColumn = (field: Field) => field.type !== 'relation' || field.relation?.kind === 'many_to_one';

const system = (): ViewField[] => systemFields.map((name) => ({ name, type: name.endsWith('_at') ? 'datetime' : 'text', field: undefined }));

/** The columns a view of the object may show: its fields in order, then the system columns. */
export function columnFields(object: ObjectDefinition): ViewField[] {
  return [...object.fields.map((field) => ({ name: field.name, type: field.type, field })), ...system()];
}

/** The fields a view may sort by: those with a column, never json or encrypted (as the engine checks). */
export function sortFields(object: ObjectDefinition): ViewField[] {
  return columnFields(object).filter(({ field }) => !field || (hasColumn(field) && field.type !== 'json' && field.encrypted !== true));
}

/** The fields a view's filter may name directly: those with a column. */
export function filterFields(object: ObjectDefinition): ViewField[] {
  return columnFields(object).filter(({ field }) => !field || hasColumn(field));
}

/** The fields a kanban may group by: single_select ones, whose options are its lanes. */
export function groupByFields(object: ObjectDefinition): ViewField[] {
  return columnFields(object).filter(({ field }) => field?.type === 'single_select');
}
