import { fieldValueSchema, isReadOnly, valueKindOf, type ObjectAccess } from '@tessera/core';

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

function readSchema(access: ObjectAccess): Schema {
  const object = access.object;
  const properties: Record<string, Schema> = {
    id: { type: 'string', format: 'uuid' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    created_by: { type: ['string', 'null'] },
    updated_by: { type: ['string', 'null'] },
    owner_id: { type: ['string', 'null'], description: 'The user who owns the record' },
    version: { type: 'integer' },
    deleted_at: { type: ['string', 'null'], format: 'date-time' },
  };
  for (const field of object.columnFields) {
    const masked = access.masked.has(field.name);
    const value = masked ? { type: ['string', 'null'] } : valueKindOf(field) === 'decimal' ? { type: field.required ? 'string' : ['string', 'null'] } : openApiValue(fieldValueSchema({ ...field, required: false }));
    properties[field.name] = { ...value, title: field.label.en, description: masked ? `${field.label['zh-CN']} (personal: masked; POST …/{id}/reveal for the value)` : field.label['zh-CN'] };
  }
  // Hidden fields vanish from the document, as from every answer.
  for (const name of Object.keys(properties)) if (!access.readable.has(name)) delete properties[name];
  return { type: 'object', properties, required: ['id', 'version'] };
}

function writeSchema(access: ObjectAccess, mode: 'create' | 'patch'): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const field of access.object.definition.fields) {
    if (isReadOnly(field) || !access.writable.has(field.name)) continue;
    properties[field.name] = { ...openApiValue(fieldValueSchema(field)), title: field.label.en };
    if (mode === 'create' && field.required && field.default === undefined) required.push(field.name);
  }
  if (mode === 'create') properties.id = { type: 'string', format: 'uuid', description: 'Optional: the id to give the new record.' };
  if (mode === 'patch') properties.version = { type: 'integer', description: 'The version read; a different current version answers 409.' };
  if (access.writable.has('owner_id')) properties.owner_id = { type: ['string', 'null'], description: 'The owning user (default: the creator)' };
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** The component schemas of one object as the caller may use it: the record as read, a create body and a patch body. */
export function objectSchemas(access: ObjectAccess): Record<string, Schema> {
  const base = access.object.name;
  return { [base]: readSchema(access), [`${base}_create`]: writeSchema(access, 'create'), [`${base}_patch`]: writeSchema(access, 'patch') };
}
