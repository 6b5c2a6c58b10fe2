import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  bulkWrite, createRecord, deleteRecord, deleteRecords, exportRecords, getRecord, listRecords, recordHistory, restoreRecord, revealRecord, updateRecord, validateWrite, TesseraError,
  type Tessera, type BulkMode, type ExportFormat, type Language,
} from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject, onlyKeys } from '../http/body-object.js';

type Params = { workspace: string; object: string; id: string };
type DataRequest = FastifyRequest<{ Params: Params; Querystring: Record<string, unknown> }>;

function includeOf(request: DataRequest): string[] {
  const include = request.query.include;
  if (include === undefined) return [];
  if (typeof include !== 'string') throw new TesseraError('INVALID_QUERY', { reason: 'include must be a comma-separated list' });
  return include.split(',');
}

const exportTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A spreadsheet's language: English when the client's first language is, else Chinese (also for none or `*`). */
function languageOf(request: DataRequest): Language {
  const asked = request.headers['accept-language'];
  return typeof asked === 'string' && /^\s*en\b/i.test(asked) ? 'en' : 'zh-CN';
}

/** REST endpoints of every object of a workspace, generated from its live blueprint, as the caller's role allows. */
export function dataRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const context = (request: DataRequest) => tessera.data(request.params.workspace, principalOf(request));

    app.get('/:object', async (request: DataRequest) => listRecords(await context(request), request.params.object, request.query));
    app.post('/:object/query', async (request: DataRequest) => listRecords(await context(request), request.params.object, bodyObject(request)));
    app.get('/:object/export', async (request: DataRequest, reply) => {
      const { format = 'csv', ...params } = request.query;
      const chunks = exportRecords(await context(request), request.params.object, params, format as ExportFormat, { language: languageOf(request) });
      // The first chunk is awaited before any header goes out, so a refused export is a plain JSON error.
      const first = await chunks.next();
      const file = `${request.params.object}-${new Date().toISOString().slice(0, 10)}.${String(format)}`;
      reply.header('content-type', exportTypes[format as ExportFormat]).header('content-disposition', `attachment; filename="${file}"`);
      return reply.send(Readable.from((async function* () {
        if (!first.done) yield first.value;
        yield* chunks;
      })()));
    });
    app.post('/:object/bulk', async (request: DataRequest) => {
      const body = bodyObject(request);
      if (body.mode === 'delete') {
        onlyKeys(body, ['mode', 'ids']);
        return { data: await deleteRecords(await context(request), request.params.object, body.ids) };
      }
      const mode = body.mode as BulkMode;
      if (!['create', 'update', 'upsert'].includes(mode)) throw new TesseraError('BAD_REQUEST', { reason: 'mode must be create, update, upsert or delete' });
      return bulkWrite(await context(request), request.params.object, mode, body.records, typeof body.key === 'string' ? body.key : undefined);
    });
    app.post('/:object/validate', async (request: DataRequest) => {
      const body = bodyObject(request);
      onlyKeys(body, ['record', 'id']);
      await validateWrite(await context(request), request.params.object, body.record, body.id);
      return { data: { valid: true } };
    });
    app.post('/:object', async (request: DataRequest, reply) => {
      const data = await createRecord(await context(request), request.params.object, bodyObject(request));
      return reply.code(201).send({ data });
    });
    app.get('/:object/:id', async (request: DataRequest) => ({ data: await getRecord(await context(request), request.params.object, request.params.id, includeOf(request)) }));
    app.patch('/:object/:id', async (request: DataRequest) => {
      const body = bodyObject(request);
      const ifMatch = request.headers['if-match'];
      if (typeof ifMatch === 'string' && body.version === undefined) body.version = Number(ifMatch.replace(/"/g, ''));
      return { data: await updateRecord(await context(request), request.params.object, request.params.id, body) };
    });
    app.delete('/:object/:id', async (request: DataRequest) => ({ data: await deleteRecord(await context(request), request.params.object, request.params.id) }));
    app.post('/:object/:id/restore', async (request: DataRequest) => ({ data: await restoreRecord(await context(request), request.params.object, request.params.id) }));
    app.get('/:object/:id/history', async (request: DataRequest) => recordHistory(await context(request), request.params.object, request.params.id, request.query));
    app.post('/:object/:id/reveal', async (request: DataRequest) => {
      const fields = (request.body as { fields?: unknown } | undefined)?.fields;
      if (fields !== undefined && (!Array.isArray(fields) || fields.length > 100)) throw new TesseraError('BAD_REQUEST', { reason: 'fields must be a list of field names' });
      return { data: await revealRecord(await context(request), request.params.object, request.params.id, fields as string[] | undefined) };
    });
  };
}
