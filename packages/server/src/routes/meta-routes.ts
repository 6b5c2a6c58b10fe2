import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { buildOpenApi } from '../openapi/build-openapi.js';
import { tesseraVersion } from '../version.js';

/** Health, the caller's workspaces and the OpenAPI document of a workspace as the caller may use it. */
export function metaRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const openapi = async (request: FastifyRequest, slug: string) => {
      const workspace = await tessera.workspace(slug);
      return buildOpenApi(workspace, await tessera.access.policy(workspace, principalOf(request)), tesseraVersion);
    };
    app.get('/health', async () => ({ status: 'ok', version: tesseraVersion, database: tessera.database.kind }));
    app.get('/workspaces', async (request) => ({ data: await tessera.accounts.workspacesOf(principalOf(request)) }));
    app.get('/openapi.json', async (request: FastifyRequest<{ Querystring: { workspace?: unknown } }>) => (
      openapi(request, typeof request.query.workspace === 'string' ? request.query.workspace : 'default')));
    app.get('/w/:workspace/openapi.json', async (request: FastifyRequest<{ Params: { workspace: string } }>) => openapi(request, request.params.workspace));
  };
}
