import type { Knex } from 'knex';
import { appendAudit } from '../audit/index.js';
import { asSystem, type Principal } from '../access/index.js';
import type { DataContext } from '../data/index.js';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import type { JobHandler, JobQueue } from '../jobs/index.js';
import type { KeyRing } from '../personal/index.js';
import { importErrorFile } from './error-file.js';
import { readRejects, type RejectedRow } from './rejected-rows.js';
import type { ImportSummary } from './import-types.js';
import { importSummary, ImportStore, type ImportRow } from './import-store.js';
import { previewImport, type ImportPreview } from './preview-import.js';
import { releaseFile, runImport, type ImportProgress } from './run-import.js';
import { importJobKind, startImport, type ImportRequest } from './start-import.js';
import { undoImport, type UndoResult } from './undo-import.js';
import { deleteTemplate, listTemplates, saveTemplate, type MappingTemplate } from './import-templates.js';

/** What Imports needs of the engine: a data context per workspace and principal, and the workspace's id. */
export interface ImportEngine {
  knex: Knex;
  keys: KeyRing;
  data(slug: string, principal: Principal): Promise<DataContext>;
  workspace(slug: string): Promise<{ id: number; slug: string; schema: string }>;
}

interface ImportJobPayload {
  workspace: string;
  importId: string;
  principal: Principal;
}

/**
 * Imports of CSV and Excel files, per workspace and as a principal: preview, start (a queued job),
 * the job's handler, status, cancel, undo and the error file. Every operation checks the
 * principal's access to the object through its data context.
 */
export class Imports {
  /** Told after every committed batch of an import run in this process (the CLI's progress bar). */
  onProgress: ((progress: ImportProgress) => void) | undefined;

  constructor(private readonly engine: ImportEngine, private readonly queue: JobQueue) {}

  private async scope(slug: string, principal: Principal): Promise<{ context: DataContext; store: ImportStore; workspace: { id: number; slug: string } }> {
    const context = await this.engine.data(slug, principal);
    const workspace = await this.engine.workspace(slug);
    return { context, store: new ImportStore(context.schema, this.engine.keys), workspace };
  }

  /** What importing the file would do with its first rows (mapping suggested when none is given). */
  async preview(slug: string, principal: Principal, request: ImportRequest, limit?: number): Promise<ImportPreview> {
    const { context } = await this.scope(slug, principal);
    return previewImport(context, request, limit);
  }

  /** Checks the request and queues the import. */
  async start(slug: string, principal: Principal, request: ImportRequest): Promise<ImportSummary> {
    const { context, store, workspace } = await this.scope(slug, principal);
    return startImport(context, store, this.queue, workspace, request);
  }

  /** One import. */
  async get(slug: string, principal: Principal, id: string): Promise<ImportSummary> {
    const { context, store } = await this.scope(slug, principal);
    const row = await store.get(context.knex, id);
    context.access.object(row.object, 'import');
    return importSummary(row);
  }

  /** The latest imports of the workspace, into objects the principal may import into. */
  async list(slug: string, principal: Principal, limit = 50): Promise<ImportSummary[]> {
    const { context, store } = await this.scope(slug, principal);
    const { rows } = await context.knex.raw(`SELECT * FROM ${store.imports} ORDER BY created_at DESC LIMIT ?`, [Math.min(Math.max(1, limit), 200)]) as { rows: ImportRow[] };
    return rows.filter((row) => context.access.visible(row.object)?.actions.has('import')).map(importSummary);
  }

  /** The unfinished import of the same file into the same object, if any (the CLI resumes it). */
  async unfinished(slug: string, principal: Principal, object: string, sha256: string): Promise<{ importId: string; jobId: string } | undefined> {
    const { context, store } = await this.scope(slug, principal);
    const { rows } = await context.knex.raw(`SELECT i.id AS import_id, j.id AS job_id FROM ${store.imports} i JOIN ${platformSchema}.jobs j ON j.payload->>'importId' = i.id::text
      WHERE i.object = ? AND i.file->>'sha256' = ? AND i.status IN ('queued', 'running') AND j.state IN ('queued', 'running') ORDER BY i.created_at DESC LIMIT 1`, [object, sha256]) as { rows: { import_id: string; job_id: string }[] };
    return rows[0] && { importId: rows[0].import_id, jobId: rows[0].job_id };
  }

  /** The job of an import. */
  async jobOf(importId: string): Promise<string> {
    const row = await this.engine.knex(`${platformSchema}.jobs`).whereRaw(`payload->>'importId' = ?`, [importId]).first('id') as { id: string } | undefined;
    if (!row) throw new TesseraError('NOT_FOUND', { what: `the job of import ${importId}` });
    return row.id;
  }

  /** Asks a queued or running import to stop after its current batch (what it committed stays; undo removes it). */
  async cancel(slug: string, principal: Principal, id: string): Promise<ImportSummary> {
    const { context, store } = await this.scope(slug, principal);
    const row = await store.get(context.knex, id);
    context.access.object(row.object, 'import');
    if (row.status !== 'queued' && row.status !== 'running') throw new TesseraError('IMPORT_NOT_RUNNABLE', { status: row.status, action: 'canceled' });
    await context.knex.raw(`UPDATE ${store.imports} SET cancel_requested = true WHERE id = ?`, [id]);
    return importSummary(await store.get(context.knex, id));
  }

  /** Undoes a finished import. */
  async undo(slug: string, principal: Principal, id: string): Promise<UndoResult> {
    const { context, store } = await this.scope(slug, principal);
    context.access.object((await store.get(context.knex, id)).object, 'import');
    return undoImport(context, store, id);
  }

  /**
   * Deletes an ended import and everything kept for it: its undo log, its rejected rows, its rows
   * waiting for review (their records stay as they are; it can no longer be undone). Audited.
   */
  async remove(slug: string, principal: Principal, id: string): Promise<void> {
    const { context, store } = await this.scope(slug, principal);
    await context.knex.transaction(async (trx) => {
      const row = await store.get(trx, id, true);
      context.access.object(row.object, 'import');
      if (row.status === 'queued' || row.status === 'running') throw new TesseraError('IMPORT_NOT_RUNNABLE', { status: row.status, action: 'deleted' });
      await trx.raw(`DELETE FROM ${store.imports} WHERE id = ?`, [id]);
      await appendAudit(trx, context.schema, context.stamp, { action: 'import.delete', object: row.object, details: { import_id: id, file: row.file.name, counts: row.counts } });
      await releaseFile(row.file);
    });
  }

  /** The files of every unfinished import of the platform (an upload sweep must leave them). */
  async filesInUse(): Promise<Set<string>> {
    const { rows: schemas } = await this.engine.knex.raw(`SELECT schema_name FROM ${platformSchema}.workspaces`) as { rows: { schema_name: string }[] };
    const paths = new Set<string>();
    for (const { schema_name: schema } of schemas) {
      const store = new ImportStore(schema, this.engine.keys);
      const { rows } = await this.engine.knex.raw(`SELECT file->>'path' AS path FROM ${store.imports} WHERE status IN ('queued', 'running')`) as { rows: { path: string }[] };
      for (const row of rows) paths.add(row.path);
    }
    return paths;
  }

  /** The rejected rows as CSV text, chunk by chunk. */
  async errorFile(slug: string, principal: Principal, id: string, language?: 'zh-CN' | 'en'): Promise<AsyncGenerator<string>> {
    const { context, store } = await this.scope(slug, principal);
    return importErrorFile(context, store, id, language);
  }

  /** The first `limit` rejected rows of an import, with their errors (an API import answers them). */
  async rejectedRows(slug: string, principal: Principal, id: string, limit = 1_000): Promise<RejectedRow[]> {
    const { context, store } = await this.scope(slug, principal);
    context.access.object((await store.get(context.knex, id)).object, 'import');
    return readRejects(context, store, id, 0, limit);
  }

  /** The saved mapping templates of an object. */
  async templates(slug: string, principal: Principal, object: string): Promise<MappingTemplate[]> {
    return listTemplates((await this.scope(slug, principal)).context, object);
  }

  /** Saves a mapping as a template of its object, by name (replacing one of that name). */
  async saveTemplate(slug: string, principal: Principal, object: string, name: unknown, mapping: unknown): Promise<MappingTemplate> {
    return saveTemplate((await this.scope(slug, principal)).context, object, name, mapping);
  }

  async deleteTemplate(slug: string, principal: Principal, id: string): Promise<void> {
    return deleteTemplate((await this.scope(slug, principal)).context, id);
  }

  /** The handler of import jobs: runs the import as the principal that started it, whose access is looked up again now. */
  jobHandler(): Record<string, JobHandler> {
    return {
      [importJobKind]: async (job, lease) => {
        const payload = job.payload as unknown as ImportJobPayload;
        try {
          await this.requireActive(payload.principal);
          const { context, store } = await this.scope(payload.workspace, payload.principal);
          await runImport(context, store, payload.importId, { lease, ...(this.onProgress ? { onProgress: this.onProgress } : {}) });
        } catch (error) {
          const final = error instanceof TesseraError || job.attempts >= job.maxAttempts;
          if (final) await this.markFailed(payload, error instanceof TesseraError ? error : new TesseraError('INTERNAL', { requestId: job.id }));
          throw error;
        }
      },
    };
  }

  /** Records why an import's job gave up, when its principal can no longer act (removed, suspended) or retries ran out. */
  private async markFailed(payload: ImportJobPayload, error: TesseraError): Promise<void> {
    const context = await this.engine.data(payload.workspace, asSystem('import job failure')).catch(() => undefined);
    if (!context) return;
    const store = new ImportStore(context.schema, this.engine.keys);
    await context.knex.raw(`UPDATE ${store.imports} SET status = 'failed', error = ?::jsonb, finished_at = now() WHERE id = ? AND status IN ('queued', 'running')`, [
      JSON.stringify({ code: error.code, message: error.messages }), payload.importId,
    ]);
    await releaseFile((await store.get(context.knex, payload.importId)).file);
  }

  /** A user suspended (or removed) since starting an import does not keep importing. */
  private async requireActive(principal: Principal): Promise<void> {
    if (principal.kind === 'system') return;
    const user = await this.engine.knex(`${platformSchema}.users`).where({ id: principal.userId }).first('suspended_at') as { suspended_at: string | null } | undefined;
    if (!user || user.suspended_at) throw new TesseraError('FORBIDDEN', {});
  }
}
