import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { TesseraError } from '../errors/index.js';
import type { Job, JobQueue } from './job-queue.js';

/** Thrown by renew() once the worker is stopping: the handler ends between two steps and the job is released to resume elsewhere. */
export class WorkerStopping extends Error {
  constructor() {
    super('the worker is stopping');
  }
}

/** Renews the lease of the job being run; long handlers call it between steps (it throws LeaseLost or WorkerStopping). */
export interface Lease {
  renew(): Promise<void>;
}

/** Runs one job. A TesseraError fails the job for good (the input is at fault); anything else is retried. */
export type JobHandler = (job: Job, lease: Lease) => Promise<void>;

/** How a worker polls. */
export interface WorkerOptions {
  /** Pause between polls of an empty queue (default 1 s). */
  pollMs?: number;
  onError?: (error: unknown, job: Job) => void;
}

/**
 * Runs jobs of the kinds it has handlers for, one at a time, until stopped. Several workers, in
 * one process or many, share the queue safely: each claim takes one job under a lease.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(private readonly queue: JobQueue, private readonly handlers: Record<string, JobHandler>, private readonly options: WorkerOptions = {}) {}

  /** Claims and runs one job (only `jobId` when given); false when there was none to claim. */
  async runOne(jobId?: string): Promise<boolean> {
    const job = await this.queue.claim(Object.keys(this.handlers), this.id, jobId);
    if (!job) return false;
    const lease: Lease = {
      renew: async () => {
        if (this.stopping) throw new WorkerStopping();
        await this.queue.renew(job, this.id);
      },
    };
    try {
      await this.handlers[job.kind]!(job, lease);
      await this.queue.complete(job, this.id);
    } catch (error) {
      if (error instanceof WorkerStopping) {
        await this.queue.release(job, this.id);
        return true;
      }
      this.options.onError?.(error, job);
      await this.queue.fail(job, this.id, error, !(error instanceof TesseraError));
    }
    return true;
  }

  /** Polls until stop(); a poll that found a job polls again at once. */
  start(): void {
    this.stopping = false;
    this.running ??= (async () => {
      while (!this.stopping) {
        const worked = await this.runOne().catch((error: unknown) => {
          this.options.onError?.(error, { id: '', kind: '', workspaceId: null, payload: {}, attempts: 0, maxAttempts: 0 });
          return false;
        });
        if (!worked && !this.stopping) await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 1_000);
          this.wake = () => { clearTimeout(timer); resolve(); };
        });
      }
    })();
  }

  /** Looks at the queue now instead of at the next poll (a job was just added in this process). */
  poke(): void {
    this.wake?.();
  }

  /** Stops polling; the job in hand stops at its next lease renewal and is released. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }
}
