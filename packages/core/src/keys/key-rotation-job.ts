import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import type { JobHandler, JobQueue } from '../jobs/index.js';
import type { KeyRing } from '../personal/index.js';
import type { RotationResult } from './rotate-keys.js';
import { rotateAllKeys } from './rotate-all-keys.js';

/** The job kind of key rotations. */
export const keyRotationJobKind = 'keys.rotate';

/** Where a rotation of every workspace stands, as the platform API shows it. */
export interface KeyRotationStatus {
  /** queued: waiting for a worker (also after a server stopped it midway: it goes on from there). */
  state: 'idle' | 'queued' | 'running' | 'done' | 'failed';
  /** The key values are being moved to. */
  keyId: string;
  startedAt?: string;
  finishedAt?: string;
  /** Values handled, and values found under older keys, over the workspaces started so far. */
  done: number;
  total: number;
  workspaces: { total: number; done: number; current?: string };
  results: RotationResult[];
  /** Why the run failed (a server fault: details are in the server log). */
  error?: string;
}

interface RotationPayload {
  principal: Principal;
  keyId: string;
}

/** Progress saved at most this often (and at each workspace), with the lease renewed. */
const reportEveryMs = 500;

/**
 * The key rotation of every workspace (archived ones too), as a job on the job queue: any server
 * process's worker runs it, it survives a restart (released by a stopping worker, or reclaimed
 * once a dead one's lease runs out) and goes on from where it stopped (rotateKeys only picks
 * values not under the current key yet). Its counts are saved on the job as it goes. Starting
 * while a run is queued or running answers that run.
 */
export class KeyRotationJob {
  constructor(private readonly engine: { database: { knex: Knex }; keys: KeyRing }, private readonly queue: JobQueue) {}

  /** Where the current or last run stands. */
  async status(principal: Principal): Promise<KeyRotationStatus> {
    requirePlatformAdmin(principal);
    const job = await this.queue.latest(keyRotationJobKind);
    if (!job) return { state: 'idle', keyId: this.engine.keys.currentKeyId, done: 0, total: 0, workspaces: { total: 0, done: 0 }, results: [] };
    const progress = (job.progress ?? {}) as Partial<KeyRotationStatus>;
    return {
      keyId: this.engine.keys.currentKeyId, done: 0, total: 0, workspaces: { total: 0, done: 0 }, results: [], ...progress,
      state: job.state as KeyRotationStatus['state'], ...(job.state === 'failed' && job.error ? { error: job.error.message } : {}),
    };
  }

  /** Queues a run unless one is queued or running; answers its status. */
  async start(principal: Principal): Promise<KeyRotationStatus> {
    requirePlatformAdmin(principal);
    const current = await this.queue.latest(keyRotationJobKind);
    if (current?.state !== 'queued' && current?.state !== 'running') {
      const id = await this.queue.enqueue(keyRotationJobKind, { principal, keyId: this.engine.keys.currentKeyId } satisfies RotationPayload, { maxAttempts: 3 });
      await this.queue.report(id, { startedAt: new Date().toISOString() });
    }
    return this.status(principal);
  }

  /** The handler of rotation jobs (a worker stopping midway releases the job between two batches). */
  handler(): Record<string, JobHandler> {
    return {
      [keyRotationJobKind]: async (job, lease) => {
        const { principal } = job.payload as unknown as RotationPayload;
        const latest = await this.queue.latest(keyRotationJobKind);
        const saved = (latest?.id === job.id ? latest.progress : null) as Partial<KeyRotationStatus> | null;
        const status: Omit<KeyRotationStatus, 'state'> = { keyId: this.engine.keys.currentKeyId, startedAt: saved?.startedAt ?? new Date().toISOString(), done: 0, total: 0, workspaces: { total: 0, done: 0 }, results: [] };
        let before = { done: 0, total: 0 };
        let reportedAt = 0;
        const save = async (now: boolean) => {
          if (!now && Date.now() - reportedAt < reportEveryMs) return;
          reportedAt = Date.now();
          await this.queue.report(job.id, status);
          await lease.renew();
        };
        status.results = await rotateAllKeys(this.engine, {
          principal,
          onWorkspace: ({ workspace, index, count }) => {
            status.workspaces = { total: count, done: index, current: workspace };
            before = { done: status.done, total: status.total };
          },
          onProgress: async (progress) => {
            status.done = before.done + progress.done;
            status.total = before.total + progress.total;
            await save(false);
          },
        });
        status.workspaces = { total: status.workspaces.total, done: status.workspaces.total };
        status.finishedAt = new Date().toISOString();
        await this.queue.report(job.id, status);
      },
    };
  }
}
