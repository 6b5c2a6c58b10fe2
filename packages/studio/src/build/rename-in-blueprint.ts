import type { Blueprint, Filter, Form, FormField, FormSection, View } from '../api/documents.js';
import { mapConditions, pathRefs } from './filter-paths.js';

type Rename = { object: string; from: string; to: string };

function renamePath(path: string, start: string, rename: Rename, blueprint: Blueprint): string {
  const refs = pathRefs(path, start, blueprint.objects);
  return path.split('.').map((segment, index) => (refs[index]?.object === rename.object && segment === rename.from ? rename.to : segment)).join('.');
}

function renameFilter(filter: Filter | undefined, start: string, rename: Rename, blueprint: Blueprint): Filter | undefined {
  return filter && mapConditions(filter, (condition) => ({ ...condition, field: renamePath(condition.field, start, rename, blueprint) }));
}

function renameView(view: View, rename: Rename, blueprint: Blueprint): View {
  const name = (field: string) => (view.object === rename.object && field === rename.from ? rename.to : field);
  const next: View = { ...view, columns: view.columns.map((column) => ({ ...column, field: name(column.field) })) };
  if (view.sort) next.sort = view.sort.map((sort) => ({ ...sort, field: name(sort.field) }));
  if (view.groupBy !== undefined) next.groupBy = name(view.groupBy);
  if (view.filter) next.filter = renameFilter(view.filter, view.object, rename, blueprint)!;
  return next;
}

function renameConditions<T extends Pick<FormField, 'visibleWhen' | 'readOnlyWhen' | 'requiredWhen'>>(entry: T, object: string, rename: Rename, blueprint: Blueprint): T {
  const next: T = { ...entry };
  for (const key of ['visibleWhen', 'readOnlyWhen', 'requiredWhen'] as const) {
    if (entry[key]) next[key] = renameFilter(entry[key], object, rename, blueprint);
  }
  return next;
}

function renameForm(form: Form, rename: Rename, blueprint: Blueprint): Form {
  const sections = form.sections.map((section): FormSection => renameConditions({
    ...section,
    fields: section.fields.map((field) => renameConditions({ ...field, field: form.object === rename.object && field.field === rename.from ? rename.to : field.field }, form.object, rename, blueprint)),
  }, form.object, rename, blueprint));
  return { ...form, sections };
}

/**
 * Follows a field's new API name everywhere the blueprint names it: views, forms (and the paths of
 * their filters), the title field, indexes, and the one_to_many fields whose inverse it is.
 * `blueprint` still has the field under its old name, so paths resolve.
 */
export function renameFieldReferences(blueprint: Blueprint, object: string, from: string, to: string): Blueprint {
  if (from === to) return blueprint;
  const rename = { object, from, to };
  const objects = blueprint.objects.map((candidate) => {
    const fields = candidate.fields.map((field) => (field.relation?.kind === 'one_to_many' && field.relation.target === object && field.relation.inverse === from ? { ...field, relation: { ...field.relation, inverse: to } } : field));
    if (candidate.name !== object) return { ...candidate, fields };
    const next = { ...candidate, fields };
    if (candidate.titleField === from) next.titleField = to;
    if (candidate.indexes) next.indexes = candidate.indexes.map((index) => ({ ...index, fields: index.fields.map((key) => (key.replace(/^-/, '') === from ? key.replace(from, to) : key)) }));
    return next;
  });
  const next: Blueprint = { ...blueprint, objects };
  if (blueprint.views) next.views = blueprint.views.map((view) => renameView(view, rename, blueprint));
  if (blueprint.forms) next.forms = blueprint.forms.map((form) => renameForm(form, rename, blueprint));
  return next;
}

/** Renames an object's API name and follows it: relation targets, views and forms (the id stays, so its data is kept). */
export function renameObject(blueprint: Blueprint, from: string, to: string): Blueprint {
  const objects = blueprint.objects.map((object) => ({
    ...object,
    ...(object.name === from ? { name: to } : {}),
    fields: object.fields.map((field) => (field.relation?.target === from ? { ...field, relation: { ...field.relation, target: to } } : field)),
  }));
  const next: Blueprint = { ...blueprint, objects };
  if (blueprint.views) next.views = blueprint.views.map((view) => (view.object === from ? { ...view, object: to } : view));
  if (blueprint.forms) next.forms = blueprint.forms.map((form) => (form.object === from ? { ...form, object: to } : form));
  return next;
}
