import type { ValidateFunction } from 'ajv';
import type { FilterCondition } from './generated-types.js';
import type { ResolvedPath } from './field-path.js';
import { createRecordAjv } from './record-ajv.js';
import { fieldValueSchema } from './value-schema.js';

const ajv = createRecordAjv();
const bySchema = new Map<string, ValidateFunction>();
// Per field document (stable for a blueprint version) and operator: no schema is rebuilt per request.
const byField = new WeakMap<object, Map<string, ValidateFunction>>();
const byKind = new Map<string, ValidateFunction>();

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

function compiled(resolved: ResolvedPath, op: FilterCondition['op']): ValidateFunction {
  const schema = schemaFor(resolved, op);
  const key = JSON.stringify(schema);
  let validate = bySchema.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    bySchema.set(key, validate);
  }
  return validate;
}

/** The validator of one value compared with a field by an operator (compiled once per shape). */
export function conditionValueValidator(resolved: ResolvedPath, op: FilterCondition['op']): ValidateFunction {
  if (!resolved.field) {
    const key = `${resolved.kind}|${op}`;
    let validate = byKind.get(key);
    if (!validate) byKind.set(key, validate = compiled(resolved, op));
    return validate;
  }
  let byOp = byField.get(resolved.field);
  if (!byOp) byField.set(resolved.field, byOp = new Map());
  let validate = byOp.get(op);
  if (!validate) byOp.set(op, validate = compiled(resolved, op));
  return validate;
}
