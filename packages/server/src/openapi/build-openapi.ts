import type { AccessPolicy, LiveWorkspace, ObjectAccess } from '@tessera/core';
import { maxPageSize } from '@tessera/core';
import { objectSchemas } from './record-schemas.js';
import { savedViewPaths, savedViewSchemas } from './saved-view-paths.js';
import { bulkDeleteAnswer, bulkDeleteBody, searchPaths, studioDataPaths } from './studio-data-paths.js';
import { error as errorResponse, json, ref, type Json } from './path-parts.js';

const errors = {
  400: errorResponse('Malformed request, filter or query'),
  403: errorResponse('Not allowed: an action, a field (named) or a row outside the role\'s rule'),
  404: errorResponse('Unknown workspace, object or record'),
  409: errorResponse('Unique value taken or version conflict'),
  413: errorResponse('Body too large'),
  422: errorResponse('Validation failed: every field error with its JSON pointer'),
};

const listParameters = [
  { name: 'filter', in: 'query', description: 'Filter (JSON): {"field":"city","op":"eq","value":"上海"}, combined with and/or/not; paths cross many-to-one relations (customer.city).', schema: { type: 'string' } },
  { name: 'sort', in: 'query', description: 'Comma-separated fields, - for descending: -created_at,name', schema: { type: 'string' } },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: maxPageSize, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
  { name: 'cursor', in: 'query', description: 'next_cursor of the previous page', schema: { type: 'string' } },
  { name: 'fields', in: 'query', description: 'Comma-separated fields to return', schema: { type: 'string' } },
  { name: 'include', in: 'query', description: 'Comma-separated relation fields whose records to embed', schema: { type: 'string' } },
  { name: 'count', in: 'query', schema: { type: 'boolean' } },
  { name: 'trashed', in: 'query', description: 'only: list soft-deleted records', schema: { type: 'string', enum: ['only', 'false'] } },
];

type Operation = Json | undefined;

/** Only the operations the caller may use (an object's paths shrink with the role). */
function allowed(access: ObjectAccess, operations: Record<string, [string, Operation]>): Json {
  const kept: Json = {};
  for (const [method, [action, operation]] of Object.entries(operations)) if (operation && access.actions.has(action as never)) kept[method] = operation;
  return kept;
}

function objectPaths(access: ObjectAccess): Record<string, Json> {
  const object = access.object;
  const name = object.name;
  const tag = [name];
  const one = { description: 'The record', content: json({ type: 'object', properties: { data: ref(name) } }) };
  const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const page = { type: 'object', properties: { data: { type: 'array', items: ref(name) }, page: ref('Page') } };
  return {
    [`/api/w/{workspace}/data/${name}`]: {
      parameters: [{ $ref: '#/components/parameters/workspace' }],
      ...allowed(access, {
        get: ['read', { tags: tag, operationId: `list_${name}`, summary: `List ${object.definition.label.en}`, parameters: listParameters, responses: { 200: { description: 'A page', content: json(page) }, 400: errors[400], 403: errors[403], 404: errors[404] } }],
        post: ['create', { tags: tag, operationId: `create_${name}`, requestBody: { required: true, content: json(ref(`${name}_create`)) }, responses: { 201: one, 400: errors[400], 403: errors[403], 409: errors[409], 413: errors[413], 422: errors[422] } }],
      }),
    },
    [`/api/w/{workspace}/data/${name}/{id}`]: {
      parameters: [{ $ref: '#/components/parameters/workspace' }, idParameter],
      ...allowed(access, {
        get: ['read', { tags: tag, operationId: `get_${name}`, parameters: [listParameters[6]], responses: { 200: one, 404: errors[404] } }],
        patch: ['update', { tags: tag, operationId: `update_${name}`, requestBody: { required: true, content: json(ref(`${name}_patch`)) }, responses: { 200: one, 403: errors[403], 404: errors[404], 409: errors[409], 422: errors[422] } }],
        delete: ['delete', { tags: tag, operationId: `delete_${name}`, summary: 'Soft delete', responses: { 200: one, 404: errors[404] } }],
      }),
    },
    [`/api/w/{workspace}/data/${name}/{id}/restore`]: {
      parameters: [{ $ref: '#/components/parameters/workspace' }, idParameter],
      ...allowed(access, { post: ['delete', { tags: tag, operationId: `restore_${name}`, responses: { 200: one, 404: errors[404], 409: errors[409] } }] }),
    },
    [`/api/w/{workspace}/data/${name}/{id}/reveal`]: {
      parameters: [{ $ref: '#/components/parameters/workspace' }, idParameter],
      ...allowed(access, { post: [access.masked.size > 0 ? 'reveal' : 'none', {
        tags: tag, operationId: `reveal_${name}`, summary: 'Reveal personal values of one record (audited)',
        requestBody: { content: json({ type: 'object', properties: { fields: { type: 'array', items: { type: 'string', enum: [...access.masked] } } } }) },
        responses: { 200: { description: 'The values', content: json({ type: 'object', properties: { data: { type: 'object' } } }) }, 403: errors[403], 404: errors[404] },
      }] }),
    },
    [`/api/w/{workspace}/data/${name}/export`]: {
      parameters: [{ $ref: '#/components/parameters/workspace' }],
      ...allowed(access, { get: ['export', {
        tags: tag, operationId: `export_${name}`, summary: 'Export the records matching a filter as CSV, JSON lines or XLSX (headers in the Accept-Language; audited)',
        parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'jsonl', 'xlsx'] } }, listParameters[0], listParameters[1], listParameters[5]],
        responses: { 200: { description: 'The file', content: { 'text/csv': {}, 'application/x-ndjson': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }, 400: errors[400], 403: errors[403] },
      }] }),
    },
    [`/api/w/{workspace}/data/${name}/bulk`]: {
      parameters: [{ $ref: '#/components/parameters/workspace' }],
      ...allowed(access, { post: [(['create', 'update', 'delete'] as const).find((action) => access.actions.has(action)) ?? 'create', {
        tags: tag, operationId: `bulk_${name}`, summary: 'Create, update (by id) or upsert (by a unique key) many records, or delete some by id, all or nothing',
        requestBody: { required: true, content: json({ oneOf: [{ type: 'object', required: ['mode', 'records'], properties: { mode: { type: 'string', enum: ['create', 'update', 'upsert'] }, key: { type: 'string' }, records: { type: 'array', items: ref(`${name}_create`) } } }, bulkDeleteBody] }) },
        responses: { 200: { description: 'Counts, or the deleted ids', content: json({ oneOf: [{ type: 'object', properties: { created: { type: 'integer' }, updated: { type: 'integer' } } }, bulkDeleteAnswer] }) }, 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409], 413: errors[413], 422: errors[422] },
      }] }),
    },
  };
}

function components(workspace: LiveWorkspace, objects: ObjectAccess[]): Json {
  const schemas: Json = {
    Error: { type: 'object', properties: { error: { type: 'object', required: ['code', 'message'], properties: {
      code: { type: 'string' }, status: { type: 'integer' }, message: { type: 'string' },
      messages: { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } },
      errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'object' } } } },
      request_id: { type: 'string' },
    } } } },
    Page: { type: 'object', properties: { limit: { type: 'integer' }, offset: { type: 'integer' }, next_cursor: { type: ['string', 'null'] }, total: { type: 'integer' } } },
  };
  for (const access of objects) Object.assign(schemas, objectSchemas(access));
  Object.assign(schemas, savedViewSchemas);
  return { schemas, parameters: { workspace: { name: 'workspace', in: 'path', required: true, schema: { type: 'string' }, example: workspace.slug } } };
}

/**
 * OpenAPI 3.1 of a workspace's live blueprint as one caller may use it: the objects its role can
 * read, their readable fields (writable ones in request bodies), and only its operations.
 */
export function buildOpenApi(workspace: LiveWorkspace, access: AccessPolicy, version: string): Json {
  const paths: Json = {};
  const objects = access.visibleObjects();
  for (const object of objects) {
    for (const [path, item] of Object.entries({ ...objectPaths(object), ...studioDataPaths(object) })) if (Object.keys(item).length > 1) paths[path] = item;
  }
  Object.assign(paths, savedViewPaths(access));
  Object.assign(paths, searchPaths(access));
  return {
    openapi: '3.1.0',
    info: { title: `Tessera API — ${workspace.model.blueprint.label.en}`, version: `${version}+blueprint.${workspace.version}`, description: workspace.model.blueprint.label['zh-CN'] },
    servers: [{ url: '/' }],
    paths,
    components: components(workspace, objects),
  };
}
