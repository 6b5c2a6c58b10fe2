import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { mergeRecords, TesseraError, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject, onlyKeys } from '../http/body-object.js';

type DuplicateHttpRequest = FastifyRequest<{ Params: { workspace: string; id: string; object: string }; Querystring: Record<string, unknown> }>;

const optionalText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function objectName(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new TesseraError('BAD_REQUEST', { reason: '"object" must be a non-empty string' });
  return value;
}

/**
 * The duplicates review queue of a workspace (`/duplicates`: list, resolve), dedupe runs over the
 * stored records (`/dedupe-runs`: start, a job; 202), and the merge of two records
 * (`/data/<object>/merge`). `onStarted` wakes this process's job worker.
 */
export function duplicateRoutes(tessera: Tessera, onStarted: () => void): FastifyPluginAsync {
  return async (app) => {
    app.get('/duplicates', async (request: DuplicateHttpRequest) => {
      const query = request.query;
      const status = query.status === 'resolved' ? 'resolved' : 'pending';
      const importId = optionalText(query.importId);
      const runId = optionalText(query.runId);
      return {
        data: await tessera.duplicates.list(request.params.workspace, principalOf(request), {
          object: objectName(query.object), status, limit: Number(query.limit) || 50, offset: Number(query.offset) || 0,
          ...(importId ? { importId } : {}), ...(runId ? { runId } : {}),
        }),
      };
    });

    app.post('/duplicates/:id/resolve', async (request: DuplicateHttpRequest) => {
      const body = bodyObject(request);
      onlyKeys(body, ['action', 'survivor', 'values']);
      return { data: await tessera.duplicates.resolve(request.params.workspace, principalOf(request), request.params.id, body) };
    });

    app.post('/duplicates/:id/reveal', async (request: DuplicateHttpRequest) => ({ data: await tessera.duplicates.reveal(request.params.workspace, principalOf(request), request.params.id) }));

    app.post('/dedupe-runs', async (request: DuplicateHttpRequest, reply) => {
      const body = bodyObject(request);
      onlyKeys(body, ['object', 'rule']);
      const run = await tessera.duplicates.startRun(request.params.workspace, principalOf(request), objectName(body.object), body.rule);
      onStarted();
      return reply.code(202).send({ data: run });
    });
    app.get('/dedupe-runs', async (request: DuplicateHttpRequest) => ({ data: await tessera.duplicates.runs(request.params.workspace, principalOf(request), optionalText(request.query.object)) }));
    app.get('/dedupe-runs/:id', async (request: DuplicateHttpRequest) => ({ data: await tessera.duplicates.run(request.params.workspace, principalOf(request), request.params.id) }));

    app.post('/data/:object/merge', async (request: DuplicateHttpRequest) => {
      const body = bodyObject(request);
      onlyKeys(body, ['survivor', 'loser', 'values']);
      if (body.values !== undefined && (typeof body.values !== 'object' || body.values === null || Array.isArray(body.values))) throw new TesseraError('BAD_REQUEST', { reason: '"values" must be an object' });
      const context = await tessera.data(request.params.workspace, principalOf(request));
      return { data: await mergeRecords(context, request.params.object, body.survivor as string, body.loser as string, (body.values ?? {}) as Record<string, unknown>) };
    });
  };
}
