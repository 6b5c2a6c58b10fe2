import type { Field } from './generated-types.js';
import type { DecimalShape } from './record-ajv.js';
import { decimalShape, maxTextLength, valueKindOf } from './field-types.js';

type JsonSchema = Record<string, unknown>;

const int53 = Number.MAX_SAFE_INTEGER;

function textSchema(field: Field): JsonSchema {
  const schema: JsonSchema = { type: 'string', maxLength: maxTextLength(field) };
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.pattern !== undefined) schema.pattern = field.pattern;
  if (field.type === 'email') schema.format = 'email';
  if (field.type === 'phone') schema.format = 'phone';
  if (field.type === 'url') schema.format = 'http-url';
  return schema;
}

function numberBounds(field: Field, schema: JsonSchema): JsonSchema {
  if (field.min !== undefined) schema.minimum = field.min;
  if (field.max !== undefined) schema.maximum = field.max;
  return schema;
}

function decimalSchema(field: Field): JsonSchema {
  // Exact numbers travel as strings; numbers are accepted on input and checked digit by digit.
  const shape: DecimalShape = { ...decimalShape(field) };
  if (field.min !== undefined) shape.min = field.min;
  if (field.max !== undefined) shape.max = field.max;
  return { type: ['string', 'number'], decimal: shape };
}

function selectValues(field: Field): string[] {
  return (field.options ?? []).map((option) => option.value);
}

function schemaByKind(field: Field): JsonSchema {
  switch (valueKindOf(field)) {
    case 'text': return textSchema(field);
    case 'integer': return numberBounds(field, { type: 'integer', minimum: -int53, maximum: int53 });
    case 'decimal': return decimalSchema(field);
    case 'percent': return numberBounds(field, { type: 'number', minimum: -99999, maximum: 99999 });
    case 'boolean': return { type: 'boolean' };
    case 'date': return { type: 'string', format: 'date' };
    case 'datetime': return { type: 'string', format: 'date-time' };
    case 'select': return { type: 'string', enum: selectValues(field) };
    case 'multi_select': return { type: 'array', items: { type: 'string', enum: selectValues(field) }, uniqueItems: true, maxItems: 500 };
    case 'json': return {};
    case 'uuid': return { type: 'string', format: 'uuid' };
    case 'uuid_list': return { type: 'array', items: { type: 'string', format: 'uuid' }, uniqueItems: true, maxItems: 10_000 };
  }
}

/**
 * The JSON Schema of one field's value as clients send it. Optional fields also accept null;
 * decimal min/max are checked on the numeric value when given as a number, and in SQL otherwise.
 */
export function fieldValueSchema(field: Field): JsonSchema {
  const schema = schemaByKind(field);
  if (field.required) return schema;
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'], ...(schema.enum ? { enum: [...(schema.enum as unknown[]), null] } : {}) };
  if (Array.isArray(schema.type)) return { ...schema, type: [...(schema.type as string[]), 'null'] };
  if (Object.keys(schema).length === 0) return schema;
  return { anyOf: [{ type: 'null' }, schema] };
}
