import { maxDeleteIds, maxSearchLimit, maxSearchText, type AccessPolicy, type ObjectAccess } from '@tessera/core';

import { error, idParameter, json, ref, workspace, type Json } from './path-parts.js';

/** The body of a bulk delete, one of the bodies of an object's bulk path. */
export const bulkDeleteBody: Json = {
  type: 'object', required: ['mode', 'ids'], additionalProperties: false,
  properties: { mode: { const: 'delete' }, ids: { type: 'array', minItems: 1, maxItems: maxDeleteIds, uniqueItems: true, items: { type: 'string', format: 'uuid' } } },
};

/** What a bulk delete answers. */
export const bulkDeleteAnswer: Json = {
  type: 'object', properties: { data: { type: 'object', properties: { deleted: { type: 'integer' }, ids: { type: 'array', items: { type: 'string', format: 'uuid' } } } } },
};

const historyEntry = {
  type: 'object', required: ['id', 'at', 'action', 'actor', 'changes'], properties: {
    id: { type: 'integer' }, at: { type: 'string', format: 'date-time' }, action: { type: 'string' },
    actor: { type: 'object', properties: { id: { type: ['string', 'null'] }, label: { type: ['string', 'null'] } } },
    changes: { type: 'object', description: 'Per field { old, new }, or { changed: true } for a personal field', additionalProperties: { type: 'object' } },
  },
};

/** The validation and history paths of one object, as far as the caller's actions allow. */
export function studioDataPaths(access: ObjectAccess): Record<string, Json> {
  const name = access.object.name;
  const paths: Record<string, Json> = {
    [`/api/w/{workspace}/data/${name}/{id}/history`]: {
      parameters: [workspace, idParameter],
      get: {
        tags: [name], operationId: `history_${name}`, summary: 'The audit entries of one record, newest first (fields the caller cannot read left out)',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }, { name: 'cursor', in: 'query', schema: { type: 'string' } }],
        responses: { 200: { description: 'A page of entries', content: json({ type: 'object', properties: { data: { type: 'array', items: historyEntry }, page: ref('Page') } }) }, 400: error('Malformed limit or cursor'), 404: error('Unknown record or outside the caller\'s rows') },
      },
    },
  };
  if (access.actions.has('create') || access.actions.has('update')) {
    paths[`/api/w/{workspace}/data/${name}/validate`] = {
      parameters: [workspace],
      post: {
        tags: [name], operationId: `validate_${name}`, summary: 'Validate a record as a create (or, with id, as an update of that record) would, without writing',
        requestBody: { required: true, content: json({ type: 'object', required: ['record'], additionalProperties: false, properties: { record: { type: 'object' }, id: { type: 'string', format: 'uuid' } } }) },
        responses: {
          200: { description: 'Valid', content: json({ type: 'object', properties: { data: { type: 'object', properties: { valid: { const: true } } } } }) },
          400: error('Malformed body'), 403: error('Action or field not allowed'), 404: error('Unknown record or outside the caller\'s rows'), 422: error('The errors the write would give'),
        },
      },
    };
  }
  return paths;
}

/** The global search path, for a caller who may read some object. */
export function searchPaths(policy: AccessPolicy): Record<string, Json> {
  if (policy.visibleObjects().length === 0) return {};
  const hit = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, title: {}, matched: { type: 'string' }, values: { type: 'object' } } };
  const group = { type: 'object', properties: { object: { type: 'string' }, label: { type: 'object' }, records: { type: 'array', items: hit } } };
  return {
    '/api/w/{workspace}/search': {
      parameters: [workspace],
      get: {
        tags: ['search'], operationId: 'search', summary: 'Search every readable object: titles, phones, emails, autonumbers and unique texts',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: maxSearchText } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: maxSearchLimit, default: 5 } },
        ],
        responses: { 200: { description: 'Hits grouped by object', content: json({ type: 'object', properties: { data: { type: 'array', items: group } } }) }, 400: error('Missing or malformed q or limit') },
      },
    },
  };
}
