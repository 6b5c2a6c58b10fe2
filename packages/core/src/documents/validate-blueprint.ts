import type { Blueprint, Field, Form, ObjectDefinition } from './generated-types.js';
import { fieldError, throwIfErrors, type FieldError } from '../errors/index.js';
import { documentValidator } from './schema-registry.js';
import { ajvErrorsToFieldErrors } from './ajv-errors.js';
import { constraintTypes, hasColumn, isReadOnly } from './field-types.js';
import { isReservedName, systemColumns } from './reserved-names.js';
import { joinTableName } from './blueprint-model.js';
import { validateFieldDefault } from './validate-field-default.js';
import { checkView } from './check-view.js';
import { checkForm } from './check-form.js';

const maxIdentifierBytes = 63;

function checkNames(items: { id: string; name: string }[], at: string, errors: FieldError[]): void {
  const ids = new Set<string>();
  const names = new Set<string>();
  items.forEach((item, index) => {
    if (isReservedName(item.name)) errors.push(fieldError(`${at}/${index}/name`, 'reserved', { name: item.name }));
    if (names.has(item.name)) errors.push(fieldError(`${at}/${index}/name`, 'duplicate_name', { name: item.name }));
    if (ids.has(item.id)) errors.push(fieldError(`${at}/${index}/id`, 'duplicate_id', { name: item.id }));
    names.add(item.name);
    ids.add(item.id);
  });
}

function checkConstraintsApply(field: Field, at: string, errors: FieldError[]): void {
  for (const [keyword, types] of Object.entries(constraintTypes)) {
    const value = (field as unknown as Record<string, unknown>)[keyword];
    if (value === undefined || value === false) continue;
    if (!types.includes(field.type)) errors.push(fieldError(`${at}/${keyword}`, 'not_applicable', { type: field.type }));
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) errors.push(fieldError(`${at}/min`, 'range'));
  if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) errors.push(fieldError(`${at}/minLength`, 'range'));
  if (field.precision !== undefined && field.scale !== undefined && field.scale >= field.precision) errors.push(fieldError(`${at}/scale`, 'range'));
  if (field.pattern !== undefined) {
    try { new RegExp(field.pattern, 'u'); } catch { errors.push(fieldError(`${at}/pattern`, 'bad_regex')); }
  }
  const values = new Set<string>();
  field.options?.forEach((option, index) => {
    if (values.has(option.value)) errors.push(fieldError(`${at}/options/${index}/value`, 'duplicate_name', { name: option.value }));
    values.add(option.value);
  });
  if (field.required && field.type === 'relation' && field.relation?.kind !== 'many_to_one') errors.push(fieldError(`${at}/required`, 'not_applicable', { type: field.relation?.kind ?? 'relation' }));
  if (field.required && isReadOnly(field)) errors.push(fieldError(`${at}/required`, 'not_applicable', { type: field.type }));
}

/** Types whose values can be encrypted: text, stored as an envelope in a text column. */
const encryptableTypes: ReadonlyArray<Field['type']> = ['text', 'long_text', 'email', 'phone', 'url'];

/**
 * An encrypted field is personal and textual, and nothing may ask the database to compare or order
 * its ciphertexts (a unique or plain index, a default written in clear into the table definition).
 * Length and pattern rules stay: records are validated in the app before their values are encrypted.
 */
function checkEncrypted(field: Field, at: string, errors: FieldError[]): void {
  if (!field.encrypted) return;
  if (field.personal !== true) errors.push(fieldError(`${at}/encrypted`, 'encrypted_needs_personal'));
  if (!encryptableTypes.includes(field.type)) errors.push(fieldError(`${at}/encrypted`, 'not_applicable', { type: field.type }));
  if (field.unique) errors.push(fieldError(`${at}/unique`, 'encrypted_not_indexable', { keyword: 'unique' }));
  if (field.indexed) errors.push(fieldError(`${at}/indexed`, 'encrypted_not_indexable', { keyword: 'indexed' }));
  if (field.default !== undefined) errors.push(fieldError(`${at}/default`, 'encrypted_no_default'));
}

function checkRelation(field: Field, object: ObjectDefinition, objects: Map<string, ObjectDefinition>, at: string, errors: FieldError[]): void {
  const relation = field.relation;
  if (!relation) return;
  const target = objects.get(relation.target);
  if (!target) {
    errors.push(fieldError(`${at}/relation/target`, 'unknown_reference', { name: relation.target }));
    return;
  }
  if (relation.kind === 'one_to_many') {
    const inverse = target.fields.find((candidate) => candidate.name === relation.inverse);
    const pointsBack = inverse?.relation?.kind === 'many_to_one' && inverse.relation.target === object.name;
    if (!pointsBack) errors.push(fieldError(`${at}/relation/inverse`, 'bad_inverse'));
  } else if (relation.inverse !== undefined) {
    errors.push(fieldError(`${at}/relation/inverse`, 'not_applicable', { type: relation.kind }));
  }
  if (relation.onDelete !== undefined && relation.kind !== 'many_to_one') errors.push(fieldError(`${at}/relation/onDelete`, 'not_applicable', { type: relation.kind }));
  if (relation.kind === 'many_to_many' && Buffer.byteLength(joinTableName(object.name, field.name)) > maxIdentifierBytes) {
    errors.push(fieldError(`${at}/name`, 'max_length', { limit: maxIdentifierBytes - object.name.length - 2 }));
  }
}

function checkObject(object: ObjectDefinition, objects: Map<string, ObjectDefinition>, at: string, errors: FieldError[]): void {
  checkNames(object.fields, `${at}/fields`, errors);
  object.fields.forEach((field, index) => {
    const fieldAt = `${at}/fields/${index}`;
    checkConstraintsApply(field, fieldAt, errors);
    checkRelation(field, object, objects, fieldAt, errors);
    checkEncrypted(field, fieldAt, errors);
    if (field.default !== undefined && !field.encrypted) errors.push(...validateFieldDefault(field, `${fieldAt}/default`));
  });
  const columns = new Set(object.fields.filter(hasColumn).map((field) => field.name));
  const encrypted = new Set(object.fields.filter((field) => field.encrypted).map((field) => field.name));
  if (object.titleField !== undefined && !columns.has(object.titleField)) errors.push(fieldError(`${at}/titleField`, 'unknown_reference', { name: object.titleField }));
  object.indexes?.forEach((index, i) => index.fields.forEach((key, j) => {
    const name = key.replace(/^-/, '');
    if (!columns.has(name) && !(systemColumns as readonly string[]).includes(name)) errors.push(fieldError(`${at}/indexes/${i}/fields/${j}`, 'unknown_reference', { name }));
    if (encrypted.has(name)) errors.push(fieldError(`${at}/indexes/${i}/fields/${j}`, 'encrypted_not_indexable', { keyword: 'indexes' }));
  }));
}

/** Form ids are unique, and an object has at most one form (the record pages show that one). */
function checkForms(forms: Form[], objects: Map<string, ObjectDefinition>, errors: FieldError[]): void {
  const ids = new Set<string>();
  const laidOut = new Set<string>();
  forms.forEach((form, index) => {
    const at = `/forms/${index}`;
    if (ids.has(form.id)) errors.push(fieldError(`${at}/id`, 'duplicate_id', { name: form.id }));
    if (laidOut.has(form.object)) errors.push(fieldError(`${at}/object`, 'duplicate_name', { name: form.object }));
    ids.add(form.id);
    laidOut.add(form.object);
    errors.push(...checkForm(form, objects, at));
  });
}

/**
 * Validates a blueprint: its JSON Schema first, then what a schema cannot say (unique names
 * and ids, reserved words, references between objects, fields, views and forms, defaults that fit).
 * Throws INVALID_DOCUMENT listing every error with its JSON pointer; returns the typed blueprint.
 */
export function validateBlueprint(document: unknown): Blueprint {
  const validate = documentValidator('blueprint');
  if (!validate(document)) throwIfErrors(ajvErrorsToFieldErrors(validate.errors), 'INVALID_DOCUMENT');
  const blueprint = document as Blueprint;
  const errors: FieldError[] = [];
  checkNames(blueprint.objects, '/objects', errors);
  const objects = new Map(blueprint.objects.map((object) => [object.name, object] as const));
  blueprint.objects.forEach((object, index) => checkObject(object, objects, `/objects/${index}`, errors));
  checkNames(blueprint.views ?? [], '/views', errors);
  blueprint.views?.forEach((view, index) => errors.push(...checkView(view, objects, `/views/${index}`)));
  checkForms(blueprint.forms ?? [], objects, errors);
  throwIfErrors(errors, 'INVALID_DOCUMENT');
  return blueprint;
}
