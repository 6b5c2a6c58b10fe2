import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  archiveWorkspace, cloneWorkspace, createWorkspaceFromTemplate, exportWorkspace, listWorkspaces, renameWorkspace, requirePlatformAdmin,
  restoreWorkspace, TesseraError, type Tessera,
} from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject } from '../http/body-object.js';
import { templateCatalog } from '../templates.js';

type SlugRequest = FastifyRequest<{ Params: { slug: string }; Querystring: Record<string, unknown> }>;

function textOf(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new TesseraError('BAD_REQUEST', { reason: `"${key}" must be a string` });
  return value;
}

function flagOf(source: Record<string, unknown>, key: string, text: boolean): boolean {
  const value = source[key];
  if (value === undefined) return false;
  if (typeof value === 'boolean' && !text) return value;
  if (text && (value === 'true' || value === 'false')) return value === 'true';
  throw new TesseraError('BAD_REQUEST', { reason: `"${key}" must be ${text ? '"true" or "false"' : 'true or false'}` });
}

async function streamExport(tessera: Tessera, request: SlugRequest, reply: FastifyReply): Promise<FastifyReply> {
  const withData = flagOf(request.query, 'data', true);
  const chunks = await exportWorkspace(tessera.database.knex, request.params.slug, { withData }, principalOf(request));
  // The slug was found, so it is a-z, 0-9 and _ only: safe in a header.
  reply.header('Content-Disposition', `attachment; filename="${request.params.slug}.tessera.json"`).type('application/json; charset=utf-8');
  return reply.send(Readable.from(chunks));
}

/**
 * Platform administration of workspaces: create from a template, list, rename, archive, export,
 * clone. Answers are `{ data }`, but the export: a streamed JSON attachment. For platform admins only (an API key needs the `admin` scope): checked once for the whole
 * plugin before any handler, and again by each core operation.
 */
export function workspaceRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', async (request) => requirePlatformAdmin(principalOf(request)));
    app.get('/', async (request: SlugRequest) => ({ data: await listWorkspaces(tessera.database.knex, { includeArchived: flagOf(request.query, 'archived', true) }) }));
    app.post('/', async (request, reply) => {
      const body = bodyObject(request);
      const options = { slug: textOf(body, 'slug'), name: body.name, template: textOf(body, 'template'), sampleData: flagOf(body, 'sampleData', false) };
      return reply.code(201).send({ data: await createWorkspaceFromTemplate(tessera, options, principalOf(request), templateCatalog) });
    });
    app.patch('/:slug', async (request: SlugRequest) => ({ data: await renameWorkspace(tessera, request.params.slug, bodyObject(request).name, principalOf(request)) }));
    app.post('/:slug/archive', async (request: SlugRequest) => ({ data: await archiveWorkspace(tessera, request.params.slug, principalOf(request)) }));
    app.post('/:slug/restore', async (request: SlugRequest) => ({ data: await restoreWorkspace(tessera, request.params.slug, principalOf(request)) }));
    app.get('/:slug/export', async (request: SlugRequest, reply) => streamExport(tessera, request, reply));
    app.post('/:slug/clone', async (request: SlugRequest, reply) => {
      const body = bodyObject(request);
      const options = { slug: textOf(body, 'slug'), name: body.name, withData: flagOf(body, 'withData', false) };
      return reply.code(201).send({ data: await cloneWorkspace(tessera, request.params.slug, options, principalOf(request)) });
    });
  };
}
