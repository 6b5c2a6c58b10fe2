import type { ValidateFunction } from 'ajv';
import type { FilterCondition } from './generated-types.js';
import type { ResolvedPath } from './field-path.js';
import { createRecordAjv } from './record-ajv.js';
import { fieldValueSchema } from './value-schema.js';

const ajv = createRecordAjv();
const cache = new Map<string, ValidateFunction>();

const kindSchemas: Record<string, object> = {
  uuid: { type: 'string', format: 'uuid' },
  datetime: { type: 'string', format: 'date-time' },
  integer: { type: 'integer' },
  text: { type: 'string', maxLength: 255 },
};

function schemaFor(resolved: ResolvedPath, op: FilterCondition['op']): object {
  if (op === 'contains' || op === 'starts_with') {
    if (resolved.kind === 'multi_select' && resolved.field) return fieldValueSchema({ ...resolved.field, required: true }).items as object;
    return { type: 'string', minLength: 1, maxLength: 1000 };
  }
  if (resolved.kind === 'multi_select' && resolved.field) return fieldValueSchema({ ...resolved.field, required: true }).items as object;
  if (!resolved.field) return kindSchemas[resolved.kind] ?? {};
  // Comparisons accept any value of the field's type; its own bounds and patterns do not apply.
  const { minLength: _minLength, pattern: _pattern, min: _min, max: _max, ...loose } = resolved.field;
  return fieldValueSchema({ ...loose, required: true });
}

/** The validator of one value compared with a field by an operator (compiled once per shape). */
export function conditionValueValidator(resolved: ResolvedPath, op: FilterCondition['op']): ValidateFunction {
  const schema = schemaFor(resolved, op);
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(key, validate);
  }
  return validate;
}
