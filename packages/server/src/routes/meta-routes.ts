import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Tessera } from '@tessera/core';
import { buildOpenApi } from '../openapi/build-openapi.js';
import { tesseraVersion } from '../version.js';

/** Health, the workspace list and the OpenAPI document of a workspace. */
export function metaRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const openapi = async (slug: string) => buildOpenApi(await tessera.workspace(slug), tesseraVersion);
    app.get('/health', async () => ({ status: 'ok', version: tesseraVersion, database: tessera.database.kind }));
    app.get('/workspaces', async () => ({ data: await tessera.workspaces.list() }));
    app.get('/openapi.json', async (request: FastifyRequest<{ Querystring: { workspace?: unknown } }>) => (
      openapi(typeof request.query.workspace === 'string' ? request.query.workspace : 'default')));
    app.get('/w/:workspace/openapi.json', async (request: FastifyRequest<{ Params: { workspace: string } }>) => openapi(request.params.workspace));
  };
}
