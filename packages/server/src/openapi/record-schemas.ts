import { fieldValueSchema, isReadOnly, valueKindOf, type ObjectModel } from '@tessera/core';

type Schema = Record<string, unknown>;

/** OpenAPI has no `decimal` keyword: exact numbers are documented as decimal strings. */
function openApiValue(schema: Schema): Schema {
  if (!('decimal' in schema)) {
    if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: (schema.anyOf as Schema[]).map(openApiValue) };
    return schema;
  }
  const { decimal, ...rest } = schema as Schema & { decimal: { precision: number; scale: number } };
  return { ...rest, description: `Exact decimal, at most ${decimal.precision} digits with ${decimal.scale} after the point; sent as a string in responses.`, 'x-tessera-decimal': decimal };
}

function readSchema(object: ObjectModel): Schema {
  const properties: Record<string, Schema> = {
    id: { type: 'string', format: 'uuid' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    created_by: { type: ['string', 'null'] },
    updated_by: { type: ['string', 'null'] },
    version: { type: 'integer' },
    deleted_at: { type: ['string', 'null'], format: 'date-time' },
  };
  for (const field of object.columnFields) {
    const value = valueKindOf(field) === 'decimal' ? { type: field.required ? 'string' : ['string', 'null'] } : openApiValue(fieldValueSchema({ ...field, required: false }));
    properties[field.name] = { ...value, title: field.label.en, description: field.label['zh-CN'] };
  }
  return { type: 'object', properties, required: ['id', 'version'] };
}

function writeSchema(object: ObjectModel, mode: 'create' | 'patch'): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const field of object.definition.fields) {
    if (isReadOnly(field)) continue;
    properties[field.name] = { ...openApiValue(fieldValueSchema(field)), title: field.label.en };
    if (mode === 'create' && field.required && field.default === undefined) required.push(field.name);
  }
  if (mode === 'create') properties.id = { type: 'string', format: 'uuid', description: 'Optional: the id to give the new record.' };
  if (mode === 'patch') properties.version = { type: 'integer', description: 'The version read; a different current version answers 409.' };
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** The component schemas of one object: the record as read, a create body and a patch body. */
export function objectSchemas(object: ObjectModel): Record<string, Schema> {
  const base = object.name;
  return { [base]: readSchema(object), [`${base}_create`]: writeSchema(object, 'create'), [`${base}_patch`]: writeSchema(object, 'patch') };
}
