import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject } from '../http/body-object.js';

type SavedViewRequest = FastifyRequest<{ Params: { workspace: string; id: string }; Querystring: Record<string, unknown> }>;

/** Members' saved list views of a workspace: their own and the shared ones, as their role reads them. */
export function savedViewRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const scope = (request: SavedViewRequest) => tessera.data(request.params.workspace, principalOf(request));

    app.get('/', async (request: SavedViewRequest) => ({ data: await listSavedViews(await scope(request), request.query.object) }));
    app.post('/', async (request: SavedViewRequest, reply) => {
      return reply.code(201).send({ data: await createSavedView(await scope(request), bodyObject(request)) });
    });
    app.put('/:id', async (request: SavedViewRequest) => ({ data: await updateSavedView(await scope(request), request.params.id, bodyObject(request)) }));
    app.delete('/:id', async (request: SavedViewRequest) => {
      await deleteSavedView(await scope(request), request.params.id);
      return { deleted: request.params.id };
    });
  };
}
