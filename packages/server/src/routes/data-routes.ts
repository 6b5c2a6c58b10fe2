import { Router, type Request, type Response } from 'express';
import {
  bulkWrite, createRecord, deleteRecord, getRecord, listRecords, restoreRecord, updateRecord, TesseraError, type Tessera, type BulkMode,
} from '@tessera/core';
import { actorOf } from './actor.js';
import { sendJson } from '../http/send-json.js';

type Params = { workspace: string; object: string; id: string };

function includeOf(request: Request): string[] {
  const include = request.query.include;
  if (include === undefined) return [];
  if (typeof include !== 'string') throw new TesseraError('INVALID_QUERY', { reason: 'include must be a comma-separated list' });
  return include.split(',');
}

function bodyObject(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TesseraError('BAD_REQUEST', { reason: 'the body must be a JSON object' });
  return body as Record<string, unknown>;
}

/** REST endpoints of every object of a workspace, generated from its live blueprint. */
export function dataRoutes(tessera: Tessera): Router {
  const router = Router({ mergeParams: true });
  const context = (request: Request<Params>) => tessera.data(request.params.workspace, actorOf(request));

  router.get('/:object', async (request: Request<Params>, response: Response) => {
    sendJson(response, await listRecords(await context(request), request.params.object, request.query as Record<string, unknown>));
  });
  router.post('/:object/query', async (request: Request<Params>, response: Response) => {
    sendJson(response, await listRecords(await context(request), request.params.object, bodyObject(request)));
  });
  router.post('/:object/bulk', async (request: Request<Params>, response: Response) => {
    const body = bodyObject(request);
    const mode = body.mode as BulkMode;
    if (!['create', 'update', 'upsert'].includes(mode)) throw new TesseraError('BAD_REQUEST', { reason: 'mode must be create, update or upsert' });
    sendJson(response, await bulkWrite(await context(request), request.params.object, mode, body.records, typeof body.key === 'string' ? body.key : undefined));
  });
  router.post('/:object', async (request: Request<Params>, response: Response) => {
    sendJson(response, { data: await createRecord(await context(request), request.params.object, bodyObject(request)) }, 201);
  });
  router.get('/:object/:id', async (request: Request<Params>, response: Response) => {
    sendJson(response, { data: await getRecord(await context(request), request.params.object, request.params.id, includeOf(request)) });
  });
  router.patch('/:object/:id', async (request: Request<Params>, response: Response) => {
    const body = bodyObject(request);
    const ifMatch = request.get('if-match');
    if (ifMatch !== undefined && body.version === undefined) body.version = Number(ifMatch.replace(/"/g, ''));
    sendJson(response, { data: await updateRecord(await context(request), request.params.object, request.params.id, body) });
  });
  router.delete('/:object/:id', async (request: Request<Params>, response: Response) => {
    sendJson(response, { data: await deleteRecord(await context(request), request.params.object, request.params.id) });
  });
  router.post('/:object/:id/restore', async (request: Request<Params>, response: Response) => {
    sendJson(response, { data: await restoreRecord(await context(request), request.params.object, request.params.id) });
  });
  return router;
}
