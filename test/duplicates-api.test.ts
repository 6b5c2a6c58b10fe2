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
  const blueprint = importBlueprint();
  // The phone is personal: masked to every role, shown plain only through a reveal.
  blueprint.objects[0]!.fields.find((field) => field.name === 'phone')!.personal = true;
  await harness.tessera.createWorkspace('dup', blueprint, 'tester');
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

  it('masks the personal values of an import row like a record\'s, and reveals them to the reveal action, audited', async () => {
    const csv = '姓名,手机,地址\n周杰,13700000009,淮海路1号A座\n';
    const uploaded = await fetch(`${harness.url}${base}/imports/files?object=customers`, { method: 'POST', body: csv, headers: { authorization: harness.authorization, 'content-type': 'text/csv' } });
    const { fileId } = (await uploaded.json() as { data: { fileId: string } }).data;
    const mapping = { fields: { name: { from: '姓名' }, phone: { from: '手机' }, address: { from: '地址' } }, clean: { addresses: false }, match: { fuzzy: { block: ['name'], compare: { address: 1 }, review: 0.5 } } };
    const started = await harness.request('POST', `${base}/imports`, { fileId, object: 'customers', mapping });
    for (let attempt = 0; attempt < 300 && ['queued', 'running'].includes((await harness.request('GET', `${base}/imports/${started.body.data.id as string}`)).body.data.status as string); attempt += 1) await new Promise((done) => setTimeout(done, 100));
    const queue = await harness.request('GET', `${base}/duplicates?object=customers&importId=${started.body.data.id as string}`);
    expect(queue.body.data.items).toHaveLength(1);
    const [row] = queue.body.data.items as { id: string; incoming: Record<string, unknown>; candidate: Record<string, unknown> }[];
    expect(row!.incoming).toMatchObject({ name: '周杰', address: '淮海路1号A座' });
    expect(row!.incoming.phone).not.toContain('13700000009');
    expect(row!.candidate.phone).not.toContain('13700000003');
    const revealed = await harness.request('POST', `${base}/duplicates/${row!.id}/reveal`);
    expect(revealed.body.data).toEqual({ phone: '+8613700000009' });
    const audit = await harness.tessera.database.knex('ws_dup._audit').where({ action: 'import.reveal' }).first('details') as { details: Record<string, unknown> };
    expect(audit.details).toEqual({ import_id: started.body.data.id, row: 2, fields: ['phone'] });
    expect((await harness.request('POST', `${base}/duplicates/${row!.id}/resolve`, { action: 'skip' })).body.data.status).toBe('skipped');
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
    const [a, b] = (await harness.request('GET', `${base}/data/customers`)).body.data as { id: string }[];
    expect((await clerk.request('POST', `${base}/data/customers/merge`, { survivor: a!.id, loser: b!.id })).status).toBe(403);
    expect((await clerk.request('GET', `${base}/dedupe-runs`)).body.data).toHaveLength(1);
    const resolved = (await harness.request('GET', `${base}/duplicates?object=customers&status=resolved`)).body.data.items as { id: string; source: string }[];
    // A pair of stored records has nothing of a file to reveal; an import row needs the reveal action.
    expect((await harness.request('POST', `${base}/duplicates/${resolved.find((item) => item.source === 'dedupe')!.id}/reveal`)).status).toBe(404);
    const importRow = resolved.find((item) => item.source === 'import')!;
    expect((await clerk.request('POST', `${base}/duplicates/${importRow.id}/reveal`)).status).toBe(403);
    expect((await viewer.request('GET', `${base}/dedupe-runs`)).body.data).toEqual([]);
  });
});
