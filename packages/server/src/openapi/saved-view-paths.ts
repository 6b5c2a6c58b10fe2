import type { AccessPolicy } from '@tessera/core';

import { error, idParameter, json, ref, workspace, type Json } from './path-parts.js';
const tags = ['saved views'];

/** The component schemas the saved view and archive paths refer to. */
export const savedViewSchemas: Json = {
  View: { type: 'object', description: 'A view document (schemas/view.schema.json): object, columns, filter, sort, type table or kanban with groupBy.', required: ['id', 'name', 'object', 'label', 'columns'] },
  SavedView: { type: 'object', required: ['id', 'owner_id', 'shared', 'version', 'view', 'mine'], properties: {
    id: { type: 'string', format: 'uuid' }, owner_id: { type: 'string' }, shared: { type: 'boolean' }, version: { type: 'integer' }, view: ref('View'),
    mine: { type: 'boolean', description: 'The caller owns it' },
  } },
};

const one = { description: 'The saved view', content: json({ type: 'object', properties: { data: ref('SavedView') } }) };
const writeBody = (update: boolean) => ({ required: true, content: json({
  type: 'object', required: update ? ['view', 'version'] : ['view'], additionalProperties: false, properties: {
    view: ref('View'), shared: { type: 'boolean', description: 'Listed to every member reading the object; needs the blueprint capability' },
    ...(update ? { version: { type: 'integer', description: 'The version read; another one answers 409' } } : {}),
  },
}) });

const archivePath = {
  parameters: [workspace],
  get: {
    tags: ['blueprint'], operationId: 'list_archives', summary: 'Archived objects and fields (re-adding a definition with its id restores the data)',
    responses: { 200: { description: 'Newest first', content: json({ type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties: {
      id: { type: 'integer' }, kind: { type: 'string', enum: ['object', 'field'] }, object_id: { type: 'string' }, field_id: { type: ['string', 'null'] },
      name: { type: 'string' }, label: { type: 'object' }, archived_at: { type: 'string', format: 'date-time' }, archived_in_version: { type: 'integer' }, definition: { type: 'object' },
    } } } } }) }, 403: error('Needs the blueprint capability') },
  },
};

/** Paths of the caller's saved views (every member), and of the archives for roles with the blueprint capability. */
export function savedViewPaths(access: AccessPolicy): Json {
  const paths: Json = {
    '/api/w/{workspace}/saved-views': {
      parameters: [workspace],
      get: {
        tags, operationId: 'list_saved_views', summary: 'The caller\'s own and the shared views of an object, narrowed to the fields the role reads',
        parameters: [{ name: 'object', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The views', content: json({ type: 'object', properties: { data: { type: 'array', items: ref('SavedView') } } }) }, 400: error('No object named'), 404: error('Unknown object') },
      },
      post: {
        tags, operationId: 'create_saved_view', requestBody: writeBody(false),
        responses: { 201: one, 400: error('Malformed body'), 403: error('A hidden field, or sharing without the capability'), 404: error('Unknown object'), 422: error('Invalid view document') },
      },
    },
    '/api/w/{workspace}/saved-views/{id}': {
      parameters: [workspace, idParameter],
      put: {
        tags, operationId: 'update_saved_view', requestBody: writeBody(true),
        responses: { 200: one, 400: error('Malformed body'), 403: error('Not the owner'), 404: error('Unknown view'), 409: error('Changed meanwhile'), 422: error('Invalid view document') },
      },
      delete: { tags, operationId: 'delete_saved_view', responses: { 200: { description: 'Deleted' }, 403: error('Not the owner'), 404: error('Unknown view') } },
    },
  };
  if (access.capabilities().includes('blueprint')) paths['/api/w/{workspace}/blueprint/archives'] = archivePath;
  return paths;
}
