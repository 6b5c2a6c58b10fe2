import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { globalSearch, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';

type SearchRequest = FastifyRequest<{ Params: { workspace: string }; Querystring: Record<string, unknown> }>;

/** Global search across the objects of a workspace the caller may read (GET /search?q=&limit=). */
export function searchRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    app.get('/search', async (request: SearchRequest) => ({ data: await globalSearch(await tessera.data(request.params.workspace, principalOf(request)), request.query) }));
  };
}
