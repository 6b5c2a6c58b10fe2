import type { Field } from './generated-types.js';
import { ajvErrorsToFieldErrors } from './ajv-errors.js';
import { fieldError, type FieldError } from '../errors/index.js';
import { createRecordAjv } from './record-ajv.js';
import { fieldValueSchema } from './value-schema.js';
import { isReadOnly, valueKindOf } from './field-types.js';

const ajv = createRecordAjv();

/** Checks a field's default against the field's own value constraints. */
export function validateFieldDefault(field: Field, at: string): FieldError[] {
  if (isReadOnly(field) || valueKindOf(field) === 'uuid_list' || field.type === 'relation') return [fieldError(at, 'not_applicable', { type: field.type })];
  const validate = ajv.compile(fieldValueSchema({ ...field, required: true }));
  return validate(field.default) ? [] : ajvErrorsToFieldErrors(validate.errors, at);
}
