import type { Principal } from '../access/index.js';
import type { DataContext } from '../data/index.js';
import { TesseraError } from '../errors/index.js';
import type { JobHandler, JobQueue } from '../jobs/index.js';
import { dedupeJobKind, getDedupeRun, listDedupeRuns, runDedupe, startDedupe, type DedupeRun } from './dedupe/dedupe-run.js';
import { listDuplicates, resolveDuplicate, revealIncoming, type DuplicatePair, type DuplicateQuery } from './dedupe/duplicate-queue.js';
import { ImportStore } from './import-store.js';
import type { ImportEngine } from './imports.js';

interface DedupeJobPayload {
  workspace: string;
  runId: string;
  principal: Principal;
}

/**
 * The duplicates review queue and dedupe runs, per workspace and as a principal: list the likely
 * duplicates of an object, resolve one (merge, create, skip, keep apart), start a dedupe run over
 * the stored records (a queued job) and follow it.
 */
export class Duplicates {
  constructor(private readonly engine: ImportEngine, private readonly queue: JobQueue) {}

  private async scope(slug: string, principal: Principal): Promise<{ context: DataContext; store: ImportStore }> {
    const context = await this.engine.data(slug, principal);
    return { context, store: new ImportStore(context.schema, this.engine.keys) };
  }

  /** The queue of one object. */
  async list(slug: string, principal: Principal, query: DuplicateQuery): Promise<{ items: DuplicatePair[]; total: number }> {
    const { context, store } = await this.scope(slug, principal);
    return listDuplicates(context, store, query);
  }

  /** Applies a decision to one pair. */
  async resolve(slug: string, principal: Principal, id: string, decision: unknown): Promise<DuplicatePair> {
    const { context, store } = await this.scope(slug, principal);
    return resolveDuplicate(context, store, id, decision);
  }

  /** The plain personal values of an import row in the queue (reveal action; audited). */
  async reveal(slug: string, principal: Principal, id: string): Promise<Record<string, unknown>> {
    const { context, store } = await this.scope(slug, principal);
    return revealIncoming(context, store, id);
  }

  /** Queues a dedupe run over the stored records of an object. */
  async startRun(slug: string, principal: Principal, object: string, rule: unknown): Promise<DedupeRun> {
    const { context } = await this.scope(slug, principal);
    return startDedupe(context, this.queue, await this.engine.workspace(slug), object, rule);
  }

  async run(slug: string, principal: Principal, id: string): Promise<DedupeRun> {
    return getDedupeRun((await this.scope(slug, principal)).context, id);
  }

  async runs(slug: string, principal: Principal, object?: string): Promise<DedupeRun[]> {
    return listDedupeRuns((await this.scope(slug, principal)).context, object);
  }

  /** The handler of dedupe jobs: runs as the principal that started it, with its access as it is now. */
  jobHandler(): Record<string, JobHandler> {
    return {
      [dedupeJobKind]: async (job, lease) => {
        const payload = job.payload as unknown as DedupeJobPayload;
        const { context } = await this.scope(payload.workspace, payload.principal);
        try {
          await runDedupe(context, payload.runId, lease);
        } catch (error) {
          if (job.attempts >= job.maxAttempts) {
            await context.knex.raw(`UPDATE ${new ImportStore(context.schema, this.engine.keys).dedupeRuns} SET status = 'failed', error = ?::jsonb, finished_at = now() WHERE id = ?`, [
              JSON.stringify({ code: 'INTERNAL', message: new TesseraError('INTERNAL', { requestId: job.id }).messages }), payload.runId,
            ]);
          }
          throw error;
        }
      },
    };
  }
}
