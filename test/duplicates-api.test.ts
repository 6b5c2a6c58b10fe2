import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { importBlueprint } from '../packages/core/test/messy-customers.js';
import { makeCaller, type Caller } from './access-fixtures.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
const base = '/api/w/dup';
const first = '00000000-0000-4000-8000-00000000000a';
const second = '00000000-0000-4000-8000-00000000000b';

beforeAll(async () => {
  harness = await startApiHarness();
  await harness.tessera.createWorkspace('dup', importBlueprint(), 'tester');
  await bulkWrite(await harness.tessera.system('dup', 'tester'), 'customers', 'create', [
    { id: first, name: '刘洋', phone: '+8613700000001', address: '南京路100号', points_balance: 7 },
    { id: second, name: '刘洋', phone: '+8613700000002', address: '南京路100号 ', email: 'ly@example.com' },
    { name: '周杰', phone: '+8613700000003', address: '淮海路1号' },
  ]);
});
afterAll(async () => harness?.close());

async function finishedRun(id: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const answer = await harness.request('GET', `${base}/dedupe-runs/${id}`);
    if (!['queued', 'running'].includes(answer.body.data.status as string)) return answer.body.data as Record<string, any>;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`dedupe run ${id} did not finish`);
}

describe('the duplicates queue over the API', () => {
  it('runs a dedupe in the background, lists the pair, merges it once', async () => {
    const started = await harness.request('POST', `${base}/dedupe-runs`, { object: 'customers', rule: { fuzzy: { block: ['name'], compare: { address: 1 } } } });
    expect(started).toMatchObject({ status: 202, body: { data: { status: 'queued', object: 'customers' } } });
    expect(await finishedRun(started.body.data.id as string)).toMatchObject({ status: 'done', recordsTotal: 3, pairs: 1 });
    const runs = await harness.request('GET', `${base}/dedupe-runs?object=customers`);
    expect(runs.body.data.map((run: { id: string }) => run.id)).toEqual([started.body.data.id]);
    const queue = await harness.request('GET', `${base}/duplicates?object=customers`);
    expect(queue.body.data).toMatchObject({ total: 1, items: [{ source: 'dedupe', score: 1, similarity: { address: 1 }, record: { id: second }, candidate: { id: first }, status: 'pending' }] });
    const pair = queue.body.data.items[0].id as string;
    const merged = await harness.request('POST', `${base}/duplicates/${pair}/resolve`, { action: 'merge' });
    expect(merged).toMatchObject({ status: 200, body: { data: { status: 'merged', resultId: first } } });
    expect((await harness.request('POST', `${base}/duplicates/${pair}/resolve`, { action: 'merge' })).body.error).toMatchObject({ code: 'DUPLICATE_RESOLVED' });
    expect((await harness.request('GET', `${base}/data/customers/${second}`)).status).toBe(404);
    expect((await harness.request('GET', `${base}/data/customers/${first}`)).body.data).toMatchObject({ email: 'ly@example.com', points_balance: 7, address: '南京路100号' });
    expect((await harness.request('GET', `${base}/duplicates?object=customers&status=resolved`)).body.data.items).toMatchObject([{ id: pair, status: 'merged' }]);
  });

  it('refuses bad requests with clear errors and writes nothing', async () => {
    expect((await harness.request('POST', `${base}/dedupe-runs`, { object: 'customers', rule: 'name' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await harness.request('POST', `${base}/dedupe-runs`, { object: 'customers', rule: { on: [['name']] }, now: true })).status).toBe(400);
    expect((await harness.request('POST', `${base}/dedupe-runs`, { object: 'nope', rule: { on: [['name']] } })).status).toBe(404);
    expect((await harness.request('GET', `${base}/duplicates`)).status).toBe(400);
    expect((await harness.request('GET', `${base}/duplicates?object=customers&importId=${encodeURIComponent("' OR 1=1 --")}`)).body.data).toEqual({ items: [], total: 0 });
    expect((await harness.request('POST', `${base}/duplicates/${first}/resolve`, { action: 'merge' })).status).toBe(404);
    expect((await harness.request('POST', `${base}/duplicates/not-an-id/resolve`, { action: 'merge' })).status).toBe(404);
    expect((await harness.request('POST', `${base}/duplicates/${first}/resolve`, ['merge'])).status).toBe(400);
    const same = await harness.request('POST', `${base}/data/customers/merge`, { survivor: first, loser: first });
    expect(same.body.error).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/loser', code: 'same_record' }] });
    expect((await harness.request('POST', `${base}/data/customers/merge`, { survivor: first, loser: "x'; DROP TABLE customers; --" })).body.error).toMatchObject({ errors: [{ pointer: '/loser', code: 'format' }] });
    expect((await harness.request('POST', `${base}/data/customers/merge`, { survivor: first, loser: second, values: [] })).status).toBe(400);
    expect((await harness.request('GET', `${base}/data/customers?count=true&limit=1`)).body.page).toMatchObject({ total: 2 });
  });
});

describe('duplicates permissions', () => {
  let clerk: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    const role = (name: string, actions: string[]) => ({ name, label: { 'zh-CN': name, en: name }, objects: { customers: { actions, fields: { '*': 'write' } } } });
    expect((await harness.request('PUT', `${base}/roles/clerk`, { document: role('clerk', ['read', 'create', 'update', 'import']) })).status).toBe(200);
    expect((await harness.request('PUT', `${base}/roles/viewer`, { document: role('viewer', ['read']) })).status).toBe(200);
    clerk = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'dup', role: 'clerk' }] });
    viewer = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'dup', role: 'viewer' }] });
  });

  it('needs update to see the queue, and update and delete to run a dedupe or merge', async () => {
    expect((await viewer.request('GET', `${base}/duplicates?object=customers`)).status).toBe(403);
    expect((await clerk.request('GET', `${base}/duplicates?object=customers`)).status).toBe(200);
    expect((await clerk.request('POST', `${base}/dedupe-runs`, { object: 'customers', rule: { on: [['name']] } })).status).toBe(403);
    const [a, b] = (await harness.request('GET', `${base}/data/customers?sort=phone`)).body.data as { id: string }[];
    expect((await clerk.request('POST', `${base}/data/customers/merge`, { survivor: a!.id, loser: b!.id })).status).toBe(403);
    expect((await clerk.request('GET', `${base}/dedupe-runs`)).body.data).toHaveLength(1);
    expect((await viewer.request('GET', `${base}/dedupe-runs`)).body.data).toEqual([]);
  });
});
