import type { ObjectDefinition, View } from './generated-types.js';
import { fieldError, type FieldError } from '../errors/index.js';
import { hasColumn, valueKindOf } from './field-types.js';
import { systemColumns } from './reserved-names.js';
import { checkFilterReferences } from './check-filter-references.js';

function checkColumnsAndSort(view: View, object: ObjectDefinition, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set<string>([...systemColumns, ...object.fields.map((field) => field.name)]);
  view.columns.forEach((column, index) => {
    if (!known.has(column.field)) errors.push(fieldError(`${at}/columns/${index}/field`, 'unknown_reference', { name: column.field }));
  });
  const sortable = new Set<string>([...systemColumns, ...object.fields.filter((field) => hasColumn(field) && valueKindOf(field) !== 'json').map((field) => field.name)]);
  const encrypted = new Set(object.fields.filter((field) => field.encrypted).map((field) => field.name));
  view.sort?.forEach((sort, index) => {
    if (encrypted.has(sort.field)) errors.push(fieldError(`${at}/sort/${index}/field`, 'encrypted_not_indexable', { keyword: 'sort' }));
    else if (!sortable.has(sort.field)) errors.push(fieldError(`${at}/sort/${index}/field`, 'unknown_reference', { name: sort.field }));
  });
  return errors;
}

/** A kanban's lanes are the options of one single_select field; a table has no lanes. */
function checkGroupBy(view: View, object: ObjectDefinition, at: string): FieldError[] {
  if (view.groupBy === undefined) return [];
  if (view.type !== 'kanban') return [fieldError(`${at}/groupBy`, 'not_applicable', { type: view.type ?? 'table' })];
  const field = object.fields.find((candidate) => candidate.name === view.groupBy);
  if (!field) return [fieldError(`${at}/groupBy`, 'unknown_reference', { name: view.groupBy })];
  return field.type === 'single_select' ? [] : [fieldError(`${at}/groupBy`, 'not_applicable', { type: field.type })];
}

/**
 * Checks a view (already valid against view.schema.json) against the objects of a blueprint: its
 * object exists, its columns and sort name fields of it (never sorting by an encrypted one), its
 * filter resolves, and a kanban groups by a single_select field. Used by the blueprint's views
 * and by saved views alike.
 */
export function checkView(view: View, objects: ReadonlyMap<string, ObjectDefinition>, at: string): FieldError[] {
  const object = objects.get(view.object);
  if (!object) return [fieldError(`${at}/object`, 'unknown_reference', { name: view.object })];
  return [
    ...checkColumnsAndSort(view, object, at),
    ...checkGroupBy(view, object, at),
    ...(view.filter ? checkFilterReferences(view.filter, view.object, objects, `${at}/filter`) : []),
  ];
}
