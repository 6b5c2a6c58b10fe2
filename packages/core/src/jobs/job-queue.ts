import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';

/** A job as a worker holds it. */
export interface Job {
  id: string;
  kind: string;
  workspaceId: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  /** After this many failed attempts the job fails for good. */
  maxAttempts: number;
}

/** Thrown by renew() when another worker took the job (this one was too slow to renew its lease). */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`the lease of job ${jobId} was lost`);
  }
}

const table = `${platformSchema}.jobs`;

interface JobRow {
  id: string;
  kind: string;
  workspace_id: number | string | null;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

const toJob = (row: JobRow): Job => ({ id: row.id, kind: row.kind, workspaceId: row.workspace_id === null ? null : Number(row.workspace_id), payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts });

/**
 * The job queue: a PostgreSQL table, so that any number of processes share it and a job survives
 * a crash. A worker claims a job (FOR UPDATE SKIP LOCKED) with a lease it renews while it works;
 * when a process dies its lease runs out and the job is claimed again, to resume from its own
 * checkpoint. Failed attempts are retried with a growing delay up to max_attempts.
 * (pg-boss was the plan; its Node 20 line is two majors old and it talks to node-postgres
 * directly, while here every statement must also run on PGlite through knex: see jobs/README.md.)
 */
export class JobQueue {
  constructor(private readonly knex: Knex, private readonly leaseMs = 30_000) {}

  /** Adds a job; answers its id. `trx` lets the caller add it in the transaction that creates its subject. */
  async enqueue(kind: string, payload: Record<string, unknown>, options: { workspaceId?: number; maxAttempts?: number; trx?: Knex } = {}): Promise<string> {
    const [row] = await (options.trx ?? this.knex)(table).insert({
      kind, payload: JSON.stringify(payload), workspace_id: options.workspaceId ?? null, max_attempts: options.maxAttempts ?? 5,
    }).returning('id') as { id: string }[];
    return row!.id;
  }

  /**
   * Claims the oldest job of the given kinds that is due, or running under an expired lease;
   * `only` restricts the claim to one job (the CLI runs its own import). Undefined when none.
   */
  async claim(kinds: string[], worker: string, only?: string): Promise<Job | undefined> {
    const { rows } = await this.knex.raw(`UPDATE ${table} SET state = 'running', attempts = attempts + 1, locked_by = ?, locked_until = now() + ? * interval '1 millisecond'
      WHERE id = (SELECT id FROM ${table}
        WHERE kind = ANY(?) AND ${only ? 'id = ? AND' : ''} ((state = 'queued' AND run_after <= now()) OR (state = 'running' AND locked_until < now()))
        ORDER BY run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, workspace_id, payload, attempts, max_attempts`, [worker, this.leaseMs, kinds, ...(only ? [only] : [])]) as { rows: JobRow[] };
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /** Extends the lease; throws LeaseLost when the job is no longer this worker's. */
  async renew(job: Job, worker: string): Promise<void> {
    const updated = await this.knex(table).where({ id: job.id, locked_by: worker, state: 'running' })
      .update({ locked_until: this.knex.raw(`now() + ? * interval '1 millisecond'`, [this.leaseMs]) });
    if (updated === 0) throw new LeaseLost(job.id);
  }

  /** Marks the job done. */
  async complete(job: Job, worker: string): Promise<void> {
    await this.knex(table).where({ id: job.id, locked_by: worker }).update({ state: 'done', locked_by: null, locked_until: null, finished_at: this.knex.fn.now() });
  }

  /** Records a failed attempt: queued again after a delay (2^attempts seconds), or failed for good. */
  async fail(job: Job, worker: string, error: unknown, retry: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.knex.raw(`UPDATE ${table} SET locked_by = NULL, locked_until = NULL, error = ?::jsonb,
        state = CASE WHEN ? AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
        run_after = now() + power(2, attempts) * interval '1 second',
        finished_at = CASE WHEN ? AND attempts < max_attempts THEN NULL ELSE now() END
      WHERE id = ? AND locked_by = ?`, [JSON.stringify({ message }), retry, retry, job.id, worker]);
  }

  /** Gives a job back unfinished (its worker is stopping): queued again at once, the attempt not counted. */
  async release(job: Job, worker: string): Promise<void> {
    await this.knex.raw(`UPDATE ${table} SET state = 'queued', attempts = attempts - 1, locked_by = NULL, locked_until = NULL, run_after = now()
      WHERE id = ? AND locked_by = ?`, [job.id, worker]);
  }

  /** Keeps what a running job reports of itself (its counts); status pages read it back with latest(). */
  async report(id: string, progress: Record<string, unknown>): Promise<void> {
    await this.knex(table).where({ id }).update({ progress: JSON.stringify(progress) });
  }

  /** The newest job of a kind (its state and last report), or undefined when there has been none. */
  async latest(kind: string): Promise<{ id: string; state: string; progress: Record<string, unknown> | null; error: { message: string } | null } | undefined> {
    return await this.knex(table).where({ kind }).orderBy('created_at', 'desc').first('id', 'state', 'progress', 'error') as never;
  }

  /** A job's state, for callers waiting on it. */
  async state(id: string): Promise<string | undefined> {
    const row = await this.knex(table).where({ id }).first('state') as { state: string } | undefined;
    return row?.state;
  }
}
