import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import type { KeyRing } from '../personal/index.js';
import type { RotationResult } from './rotate-keys.js';
import { rotateAllKeys } from './rotate-all-keys.js';

/** Where a rotation of every workspace stands, as the platform API shows it. */
export interface KeyRotationStatus {
  state: 'idle' | 'running' | 'done' | 'stopped' | 'failed';
  /** The key values are being moved to. */
  keyId: string;
  startedAt?: string;
  finishedAt?: string;
  /** Values handled, and values found under older keys, over the workspaces started so far. */
  done: number;
  total: number;
  workspaces: { total: number; done: number; current?: string };
  results: RotationResult[];
  /** Why the run stopped early (a server fault: details are in the server log). */
  error?: string;
}

class Stopped extends Error {}

/**
 * The key rotation of every workspace (archived ones too), one at a time, in the background of
 * this process. Starting while a run is going answers that run; a stopped or failed run is simply
 * started again and goes on from where it stopped (rotateKeys is resumable). The job queue takes
 * this over when it lands (docs/accounts-and-access.md).
 */
export class KeyRotationJob {
  #status: KeyRotationStatus;
  #running: Promise<void> | undefined;
  #stopping = false;

  constructor(private readonly engine: { database: { knex: Knex }; keys: KeyRing }, private readonly onError: (error: unknown) => void = () => undefined) {
    this.#status = { state: 'idle', keyId: engine.keys.currentKeyId, done: 0, total: 0, workspaces: { total: 0, done: 0 }, results: [] };
  }

  /** Where the current or last run stands (a copy). */
  status(principal: Principal): KeyRotationStatus {
    requirePlatformAdmin(principal);
    return structuredClone(this.#status);
  }

  /** Starts a run unless one is going; answers its status. */
  start(principal: Principal): KeyRotationStatus {
    requirePlatformAdmin(principal);
    if (this.#status.state !== 'running') {
      this.#stopping = false;
      this.#status = { state: 'running', keyId: this.engine.keys.currentKeyId, startedAt: new Date().toISOString(), done: 0, total: 0, workspaces: { total: 0, done: 0 }, results: [] };
      this.#running = this.#run(principal);
    }
    return this.status(principal);
  }

  /** Resolves when the current run (if any) has finished, whatever its outcome. */
  async settled(): Promise<void> {
    await this.#running;
  }

  /** Stops a run after its current batch (the server is closing) and resolves once it has. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#running;
  }

  async #run(principal: Principal): Promise<void> {
    const status = this.#status;
    let before = { done: 0, total: 0 };
    try {
      status.results = await rotateAllKeys(this.engine, {
        principal,
        onWorkspace: ({ workspace, index, count }) => {
          status.workspaces = { total: count, done: index, current: workspace };
          before = { done: status.done, total: status.total };
        },
        onProgress: (progress) => {
          status.done = before.done + progress.done;
          status.total = before.total + progress.total;
          if (this.#stopping) throw new Stopped('stopped with the server');
        },
      });
      status.workspaces.done = status.workspaces.total;
      status.state = 'done';
    } catch (error) {
      status.state = error instanceof Stopped ? 'stopped' : 'failed';
      status.error = error instanceof Error ? error.message : String(error);
      if (!(error instanceof Stopped)) this.onError(error);
    } finally {
      delete status.workspaces.current;
      status.finishedAt = new Date().toISOString();
    }
  }
}
