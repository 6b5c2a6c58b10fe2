import type { ValidateFunction } from 'ajv';
import {
  ajvErrorsToFieldErrors, createRecordAjv, fieldValueSchema, isReadOnly, systemColumns, type ObjectModel,
} from '../documents/index.js';
import { fieldError, type FieldError } from '../errors/index.js';

/** Compiled validators of one object: for creating (required fields) and for partial updates. */
export interface RecordValidators {
  create: ValidateFunction;
  patch: ValidateFunction;
  readOnly: Set<string>;
}

const ajv = createRecordAjv();
const cache = new WeakMap<ObjectModel, RecordValidators>();

function recordSchema(object: ObjectModel, mode: 'create' | 'patch'): object {
  const properties: Record<string, object> = Object.create(null) as Record<string, object>;
  const required: string[] = [];
  for (const field of object.definition.fields) {
    if (isReadOnly(field)) continue;
    properties[field.name] = fieldValueSchema(field);
    if (mode === 'create' && field.required && field.default === undefined) required.push(field.name);
  }
  if (mode === 'create') properties.id = { type: 'string', format: 'uuid' };
  properties.owner_id = { type: ['string', 'null'], minLength: 1, maxLength: 64 };
  if (mode === 'patch') properties.version = { type: 'integer', minimum: 1 };
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The validators of an object, compiled once per blueprint version. */
export function recordValidators(object: ObjectModel): RecordValidators {
  let validators = cache.get(object);
  if (!validators) {
    const readOnly = new Set<string>([...systemColumns.filter((column) => column !== 'owner_id'), ...object.definition.fields.filter(isReadOnly).map((field) => field.name)]);
    validators = { create: ajv.compile(recordSchema(object, 'create')), patch: ajv.compile(recordSchema(object, 'patch')), readOnly };
    cache.set(object, validators);
  }
  return validators;
}

/**
 * Validates one record body. Returns every error (JSON pointer under `prefix`): read-only fields
 * written, unknown fields, wrong types, constraint violations.
 */
export function validateRecord(object: ObjectModel, body: unknown, mode: 'create' | 'patch', prefix = ''): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [fieldError(prefix || '/', 'type', { expected: 'object' })];
  const validators = recordValidators(object);
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    const allowed = (mode === 'create' && key === 'id') || (mode === 'patch' && key === 'version');
    if (validators.readOnly.has(key) && !allowed) errors.push(fieldError(`${prefix}/${key}`, 'read_only'));
  }
  const validate = validators[mode];
  const clean = errors.length > 0 ? Object.fromEntries(Object.entries(body).filter(([key]) => !validators.readOnly.has(key) || key === 'id' || key === 'version')) : body;
  if (!validate(clean)) errors.push(...ajvErrorsToFieldErrors(validate.errors, prefix));
  return errors;
}
