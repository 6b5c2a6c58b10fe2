import type { Blueprint, Field, Filter, Form, FormField, View } from '../api/documents.js';
import { mapConditions, pathRefs, type FieldRef } from './filter-paths.js';

/** The next blueprint and what went with the removed things, to tell the user before they apply. */
export interface Removal {
  blueprint: Blueprint;
  /** Fields of the remaining objects removed because they pointed at what was removed. */
  fields: FieldRef[];
  /** Names of the views removed or changed. */
  views: string[];
  /** Objects whose form was removed or changed. */
  forms: string[];
}

interface Gone {
  objects: Set<string>;
  fields: Set<string>;
}

const keyOf = (ref: FieldRef) => `${ref.object}.${ref.field}`;

function isGone(gone: Gone, ref: FieldRef): boolean {
  return gone.objects.has(ref.object) || gone.fields.has(keyOf(ref));
}

const conditionKeys = ['visibleWhen', 'readOnlyWhen', 'requiredWhen'] as const;

/** What a form section or form field may carry: conditions over the record's fields. */
type Conditional = Partial<Record<(typeof conditionKeys)[number], Filter>>;

function keptFilter(filter: Filter, object: string, gone: Gone, blueprint: Blueprint): Filter | undefined {
  return mapConditions(filter, (condition) => (pathRefs(condition.field, object, blueprint.objects).some((ref) => isGone(gone, ref)) ? undefined : condition));
}

function cleanConditions<T extends Conditional>(entry: T, object: string, gone: Gone, blueprint: Blueprint): T {
  const next: T = { ...entry };
  for (const key of conditionKeys) {
    const filter = entry[key];
    if (!filter) continue;
    const kept = keptFilter(filter, object, gone, blueprint);
    if (kept) next[key] = kept as T[typeof key]; else delete next[key];
  }
  return next;
}

function cleanView(view: View, gone: Gone, blueprint: Blueprint): View | undefined {
  if (gone.objects.has(view.object)) return undefined;
  const here = (field: string) => isGone(gone, { object: view.object, field });
  const columns = view.columns.filter((column) => !here(column.field));
  // A view needs a column; one whose every column went is removed with them.
  if (columns.length === 0) return undefined;
  const next: View = { ...view, columns };
  if (view.sort) next.sort = view.sort.filter((sort) => !here(sort.field));
  if (next.sort?.length === 0) delete next.sort;
  const filter = view.filter && keptFilter(view.filter, view.object, gone, blueprint);
  if (filter) next.filter = filter; else delete next.filter;
  // A kanban whose lanes' field went becomes a table rather than vanishing.
  if (view.groupBy !== undefined && here(view.groupBy)) { delete next.groupBy; delete next.type; }
  return next;
}

function cleanForm(form: Form, gone: Gone, blueprint: Blueprint): Form | undefined {
  if (gone.objects.has(form.object)) return undefined;
  const sections = form.sections
    .map((section) => cleanConditions({ ...section, fields: section.fields.filter((field) => !isGone(gone, { object: form.object, field: field.field })).map((field): FormField => cleanConditions(field, form.object, gone, blueprint)) }, form.object, gone, blueprint))
    .filter((section) => section.fields.length > 0);
  return sections.length === 0 ? undefined : { ...form, sections };
}

const changed = (before: unknown, after: unknown) => JSON.stringify(before) !== JSON.stringify(after);

function withoutGone(blueprint: Blueprint, gone: Gone): Removal {
  const objects = blueprint.objects.filter((object) => !gone.objects.has(object.name)).map((object) => {
    const fields = object.fields.filter((field) => !gone.fields.has(keyOf({ object: object.name, field: field.name })));
    const next = { ...object, fields };
    if (object.titleField !== undefined && !fields.some((field) => field.name === object.titleField)) delete next.titleField;
    const indexes = object.indexes?.filter((index) => index.fields.every((key) => !gone.fields.has(keyOf({ object: object.name, field: key.replace(/^-/, '') }))));
    if (indexes && indexes.length > 0) next.indexes = indexes; else delete next.indexes;
    return next;
  });
  const views = (blueprint.views ?? []).map((view) => ({ before: view, after: cleanView(view, gone, blueprint) }));
  const forms = (blueprint.forms ?? []).map((form) => ({ before: form, after: cleanForm(form, gone, blueprint) }));
  const next: Blueprint = { ...blueprint, objects };
  if (blueprint.views) next.views = views.flatMap((entry) => (entry.after ? [entry.after] : []));
  if (blueprint.forms) next.forms = forms.flatMap((entry) => (entry.after ? [entry.after] : []));
  return {
    blueprint: next,
    fields: [...gone.fields].map((key) => { const [object = '', field = ''] = key.split('.'); return { object, field }; }),
    views: views.filter((entry) => changed(entry.before, entry.after)).map((entry) => entry.before.name),
    forms: forms.filter((entry) => changed(entry.before, entry.after)).map((entry) => entry.before.object),
  };
}

function pointsAt(field: Field, object: string, inverse?: string): boolean {
  return field.relation?.target === object && (inverse === undefined || (field.relation.kind === 'one_to_many' && field.relation.inverse === inverse));
}

/** Removes fields and what names them: views' columns, sort, filters and lanes, forms, indexes, the title field, one_to_many read sides. */
export function removeFields(blueprint: Blueprint, refs: FieldRef[]): Removal {
  const fields = new Set(refs.map(keyOf));
  for (const object of blueprint.objects) {
    for (const field of object.fields) {
      if (refs.some((ref) => pointsAt(field, ref.object, ref.field))) fields.add(keyOf({ object: object.name, field: field.name }));
    }
  }
  const removal = withoutGone(blueprint, { objects: new Set(), fields });
  return { ...removal, fields: removal.fields.filter((ref) => !refs.some((given) => keyOf(given) === keyOf(ref))) };
}

/** Removes an object, its views and form, and the relation fields of other objects that point at it (with what names them). */
export function removeObject(blueprint: Blueprint, name: string): Removal {
  const fields = new Set<string>();
  for (const object of blueprint.objects) {
    if (object.name === name) continue;
    for (const field of object.fields) if (pointsAt(field, name)) fields.add(keyOf({ object: object.name, field: field.name }));
  }
  return withoutGone(blueprint, { objects: new Set([name]), fields });
}
