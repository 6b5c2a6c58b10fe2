import type { Filter, Form, FormField, ObjectDefinition } from './generated-types.js';
import { fieldError, type FieldError } from '../errors/index.js';
import { checkFilterReferences } from './check-filter-references.js';
import { isReadOnly } from './field-types.js';
import { widgetSuits } from './form-widgets.js';

const conditionKeys = ['visibleWhen', 'readOnlyWhen', 'requiredWhen'] as const;

/** Relation paths in a condition: the form evaluates it on the record being typed, which holds no related records. */
function relationPaths(filter: Filter, at: string): FieldError[] {
  if ('and' in filter) return filter.and.flatMap((part, index) => relationPaths(part, `${at}/and/${index}`));
  if ('or' in filter) return filter.or.flatMap((part, index) => relationPaths(part, `${at}/or/${index}`));
  if ('not' in filter) return relationPaths(filter.not, `${at}/not`);
  return filter.field.includes('.') ? [fieldError(`${at}/field`, 'own_fields_only', { name: filter.field })] : [];
}

function checkCondition(filter: Filter | undefined, form: Form, objects: ReadonlyMap<string, ObjectDefinition>, at: string): FieldError[] {
  if (!filter) return [];
  const paths = relationPaths(filter, at);
  return paths.length > 0 ? paths : checkFilterReferences(filter, form.object, objects, at);
}

function checkField(entry: FormField, form: Form, object: ObjectDefinition, objects: ReadonlyMap<string, ObjectDefinition>, at: string): FieldError[] {
  const errors = conditionKeys.flatMap((key) => checkCondition(entry[key], form, objects, `${at}/${key}`));
  const field = object.fields.find((candidate) => candidate.name === entry.field);
  if (!field) return [fieldError(`${at}/field`, 'unknown_reference', { name: entry.field }), ...errors];
  if (entry.widget !== undefined && !widgetSuits(entry.widget, field)) errors.push(fieldError(`${at}/widget`, 'not_applicable', { type: field.type }));
  if (entry.requiredWhen !== undefined && isReadOnly(field)) errors.push(fieldError(`${at}/requiredWhen`, 'not_applicable', { type: field.type }));
  return errors;
}

/**
 * Checks a form (already valid against form.schema.json) against the objects of a blueprint: its
 * object exists, section ids are unique, every field is a field of the object placed once with a
 * widget that suits its type, and every condition names the object's own fields with operators
 * and values that fit them. One form per object is the blueprint's check.
 */
export function checkForm(form: Form, objects: ReadonlyMap<string, ObjectDefinition>, at: string): FieldError[] {
  const object = objects.get(form.object);
  if (!object) return [fieldError(`${at}/object`, 'unknown_reference', { name: form.object })];
  const errors: FieldError[] = [];
  const sectionIds = new Set<string>();
  const placed = new Set<string>();
  form.sections.forEach((section, index) => {
    const sectionAt = `${at}/sections/${index}`;
    if (sectionIds.has(section.id)) errors.push(fieldError(`${sectionAt}/id`, 'duplicate_id', { name: section.id }));
    sectionIds.add(section.id);
    errors.push(...checkCondition(section.visibleWhen, form, objects, `${sectionAt}/visibleWhen`));
    section.fields.forEach((entry, fieldIndex) => {
      const fieldAt = `${sectionAt}/fields/${fieldIndex}`;
      if (placed.has(entry.field)) errors.push(fieldError(`${fieldAt}/field`, 'duplicate_name', { name: entry.field }));
      placed.add(entry.field);
      errors.push(...checkField(entry, form, object, objects, fieldAt));
    });
  });
  return errors;
}
