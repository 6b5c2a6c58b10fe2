import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { JobWorker, TesseraError, recordsToCsv, type ImportRequest, type ImportSummary, type Principal, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject, onlyKeys } from '../http/body-object.js';
import type { UploadStore } from '../http/upload-store.js';

type ImportHttpRequest = FastifyRequest<{ Params: { workspace: string; id: string }; Querystring: Record<string, unknown> }>;

/** Body types of an upload: the file's bytes as they are. */
const uploadTypes = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];
const requestKeys = ['fileId', 'object', 'mapping', 'sheet', 'encoding', 'delimiter', 'batchSize', 'language'];

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TesseraError('BAD_REQUEST', { reason: `"${name}" must be a non-empty string` });
  return value;
}

/** Records up to this many are imported while the request waits; more run as a job (202). */
const waitedRecords = 1_000;

/** How long a request waits for its small import to end before answering 202 anyway. */
const waitMs = 60_000;

async function settled(tessera: Tessera, slug: string, principal: Principal, id: string): Promise<ImportSummary> {
  const jobId = await tessera.imports.jobOf(id);
  // Run it here; if this process's background worker took it first, wait for that one.
  await new JobWorker(tessera.jobs, tessera.imports.jobHandler()).runOne(jobId);
  const deadline = Date.now() + waitMs;
  let summary = await tessera.imports.get(slug, principal, id);
  while ((summary.status === 'queued' || summary.status === 'running') && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    summary = await tessera.imports.get(slug, principal, id);
  }
  return summary;
}

/**
 * Imports of a workspace: upload a file (its raw bytes), preview what importing it would do,
 * start the import (a job; 202), follow it, cancel it, undo it, and download its rejected rows.
 * `onStarted` wakes this process's job worker, so a new import starts without waiting for a poll.
 */
export function importRoutes(tessera: Tessera, uploads: UploadStore, onStarted: () => void): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(uploadTypes, (_request, payload, done) => done(null, payload));

    async function importRequest(request: ImportHttpRequest): Promise<ImportRequest> {
      const body = bodyObject(request);
      onlyKeys(body, requestKeys);
      const workspace = await tessera.workspace(request.params.workspace);
      const file = await uploads.get(workspace.id, body.fileId, principalOf(request).userId);
      const { fileId: _fileId, ...rest } = body;
      return { ...rest, object: text(body.object, 'object'), path: file.path, name: file.name, ownedFile: true } as ImportRequest;
    }

    app.post('/files', async (request: ImportHttpRequest, reply) => {
      const object = text(request.query.object, 'object');
      const name = typeof request.query.name === 'string' && request.query.name !== '' ? request.query.name : 'upload';
      // Only someone who may import into the object may leave a file on the server.
      (await tessera.data(request.params.workspace, principalOf(request))).access.object(object, 'import');
      if (!(request.body instanceof Readable)) throw new TesseraError('UNSUPPORTED_MEDIA_TYPE', {});
      const workspace = await tessera.workspace(request.params.workspace);
      return reply.code(201).send({ data: await uploads.save(request.body, workspace.id, name, principalOf(request).userId) });
    });

    app.post('/preview', async (request: ImportHttpRequest) => {
      const limit = request.query.limit === undefined ? undefined : Math.min(Math.max(Number(request.query.limit) || 20, 1), 200);
      return { data: await tessera.imports.preview(request.params.workspace, principalOf(request), await importRequest(request), limit) };
    });

    app.post('/', async (request: ImportHttpRequest, reply) => {
      const summary = await tessera.imports.start(request.params.workspace, principalOf(request), await importRequest(request));
      onStarted();
      return reply.code(202).send({ data: summary });
    });

    // JSON records through the same pipeline as files: written to a CSV upload, then imported. By
    // default every unique field sent is a match key and the request's values win (an upsert).
    app.post('/records/:object', async (request: FastifyRequest<{ Params: { workspace: string; object: string } }>, reply) => {
      const body = bodyObject(request);
      onlyKeys(body, ['records', 'match', 'clean']);
      const principal = principalOf(request);
      const slug = request.params.workspace;
      const object = request.params.object;
      (await tessera.data(slug, principal)).access.object(object, 'import');
      const { csv, fields } = recordsToCsv(body.records);
      const workspace = await tessera.workspace(slug);
      const unique = fields.filter((field) => workspace.model.objects.get(object)?.fields.get(field)?.unique === true);
      const match = body.match ?? (unique.length > 0 ? { on: unique.map((field) => [field]), action: 'update' } : { action: 'create' });
      const { fileId } = await uploads.save(Readable.from([Buffer.from(csv)]), workspace.id, `${object}-records.csv`, principal.userId);
      const file = await uploads.get(workspace.id, fileId, principal.userId);
      const mapping = { fields: Object.fromEntries(fields.map((field) => [field, { from: field }])), match, ...(body.clean === undefined ? {} : { clean: body.clean }) };
      const started = await tessera.imports.start(slug, principal, { object, path: file.path, name: file.name, mapping, ownedFile: true });
      const count = (body.records as unknown[]).length;
      if (count > waitedRecords) {
        onStarted();
        return reply.code(202).send({ data: started });
      }
      const summary = await settled(tessera, slug, principal, started.id);
      if (summary.status === 'queued' || summary.status === 'running') return reply.code(202).send({ data: summary });
      // Row n of the CSV is record n - 2 of the request (the header is row 1).
      const rejected = (await tessera.imports.rejectedRows(slug, principal, started.id)).map((row) => ({ index: row.row - 2, errors: row.errors }));
      return { data: summary, rejected };
    });

    app.get('/templates', async (request: ImportHttpRequest) => ({ data: await tessera.imports.templates(request.params.workspace, principalOf(request), text(request.query.object, 'object')) }));
    app.put('/templates', async (request: ImportHttpRequest) => {
      const body = bodyObject(request);
      onlyKeys(body, ['object', 'name', 'mapping']);
      return { data: await tessera.imports.saveTemplate(request.params.workspace, principalOf(request), text(body.object, 'object'), body.name, body.mapping) };
    });
    app.delete('/templates/:id', async (request: ImportHttpRequest, reply) => {
      await tessera.imports.deleteTemplate(request.params.workspace, principalOf(request), request.params.id);
      return reply.code(204).send();
    });

    app.get('/', async (request: ImportHttpRequest) => ({ data: await tessera.imports.list(request.params.workspace, principalOf(request), Number(request.query.limit) || 50) }));
    app.get('/:id', async (request: ImportHttpRequest) => ({ data: await tessera.imports.get(request.params.workspace, principalOf(request), request.params.id) }));
    app.delete('/:id', async (request: ImportHttpRequest, reply) => {
      await tessera.imports.remove(request.params.workspace, principalOf(request), request.params.id);
      return reply.code(204).send();
    });
    app.post('/:id/cancel', async (request: ImportHttpRequest) => ({ data: await tessera.imports.cancel(request.params.workspace, principalOf(request), request.params.id) }));
    app.post('/:id/undo', async (request: ImportHttpRequest) => ({ data: await tessera.imports.undo(request.params.workspace, principalOf(request), request.params.id) }));

    app.get('/:id/errors.csv', async (request: ImportHttpRequest, reply) => {
      const language = request.query.lang === 'en' ? 'en' : request.query.lang === 'zh-CN' ? 'zh-CN' : undefined;
      const chunks = await tessera.imports.errorFile(request.params.workspace, principalOf(request), request.params.id, language);
      const first = await chunks.next();
      return reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(Readable.from((async function* () {
          if (!first.done) yield first.value;
          yield* chunks;
        })()));
    });
  };
}
