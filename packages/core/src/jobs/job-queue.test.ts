import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseraError } from '../errors/index.js';
import { openTestDatabase } from '../testing/index.js';
import type { Database } from '../db/index.js';
import { JobQueue, LeaseLost } from './job-queue.js';
import { JobWorker } from './job-worker.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const state = async (id: string) => database.knex('tessera.jobs').where({ id }).first('state', 'attempts', 'locked_by') as Promise<{ state: string; attempts: number; locked_by: string | null }>;

describe('the job queue', () => {
  it('gives a job to one worker at a time, and again once its lease ran out', async () => {
    const queue = new JobQueue(database.knex, 200);
    const id = await queue.enqueue('lease', { n: 1 });
    const first = await queue.claim(['lease'], 'a');
    expect(first).toMatchObject({ id, kind: 'lease', payload: { n: 1 }, attempts: 1 });
    expect(await queue.claim(['lease'], 'b')).toBeUndefined();
    await new Promise((done) => setTimeout(done, 300));
    const second = await queue.claim(['lease'], 'b');
    expect(second).toMatchObject({ id, attempts: 2 });
    await expect(queue.renew(first!, 'a')).rejects.toBeInstanceOf(LeaseLost);
    await queue.renew(second!, 'b');
    await queue.complete(second!, 'b');
    expect(await state(id)).toMatchObject({ state: 'done', locked_by: null });
  });

  it('retries a fault later, fails a refusal for good, and releases a job its stopping worker puts down', async () => {
    const queue = new JobQueue(database.knex);
    const faulty = await queue.enqueue('faulty', {});
    const refused = await queue.enqueue('refused', {});
    const worker = new JobWorker(queue, {
      faulty: async () => { throw new Error('disk on fire'); },
      refused: async () => { throw new TesseraError('BAD_REQUEST', { reason: 'no' }); },
    });
    expect(await worker.runOne(faulty)).toBe(true);
    expect(await state(faulty)).toMatchObject({ state: 'queued', attempts: 1 });
    expect(await worker.runOne(faulty)).toBe(false);
    expect(await worker.runOne(refused)).toBe(true);
    expect(await state(refused)).toMatchObject({ state: 'failed' });
    const long = await queue.enqueue('long', {});
    let stopping: Promise<void> | undefined;
    const stopper = new JobWorker(queue, {
      long: async (_job, lease) => {
        stopping = stopper.stop();
        await lease.renew();
      },
    });
    expect(await stopper.runOne(long)).toBe(true);
    await stopping;
    expect(await state(long)).toMatchObject({ state: 'queued', attempts: 0, locked_by: null });
  });
});
