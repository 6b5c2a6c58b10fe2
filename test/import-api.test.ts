import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { importBlueprint, messyCsv, messyCustomers } from '../packages/core/test/messy-customers.js';
import { makeCaller, type Caller } from './access-fixtures.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';

let harness: ApiHarness;
const base = '/api/w/imp/imports';
const messy = messyCustomers(424_242, 300);
const csv = messyCsv(messy, 'gbk');

/** Uploads raw bytes as the harness's admin (or with the given authorization). */
async function upload(body: Uint8Array | string, query: string, headers: Record<string, string> = {}, authorization = harness.authorization) {
  const response = await fetch(`${harness.url}${base}/files?${query}`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { authorization, 'content-type': 'text/csv', ...headers } });
  return { status: response.status, body: await response.json() as Record<string, any> };
}

async function finished(id: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const answer = await harness.request('GET', `${base}/${id}`);
    if (!['queued', 'running'].includes(answer.body.data.status as string)) return answer.body.data as Record<string, any>;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

beforeAll(async () => {
  harness = await startApiHarness({ maxUploadBytes: 1024 * 1024 });
  await harness.tessera.createWorkspace('imp', importBlueprint(), 'tester');
  await bulkWrite(await harness.tessera.system('imp', 'tester'), 'customers', 'create', messy.existing);
});
afterAll(async () => harness?.close());

/** The admin's upload of the messy list (another user must not reach it). */
let fileId: string;

describe('imports over the API', () => {
  let importId: string;

  it('uploads a file, previews it with a suggested mapping, and runs it in the background', async () => {
    const uploaded = await upload(csv, `object=customers&name=${encodeURIComponent('客户.csv')}`);
    expect(uploaded).toMatchObject({ status: 201, body: { data: { size: csv.length } } });
    fileId = uploaded.body.data.fileId as string;
    const preview = await harness.request('POST', `${base}/preview?limit=30`, { fileId, object: 'customers' });
    expect(preview.status).toBe(200);
    expect(preview.body.data.file).toMatchObject({ encoding: 'gb18030', headers: messy.headers });
    expect(preview.body.data.mapping.fields.phone).toEqual({ from: '手机号' });
    expect(preview.body.data.suggestion).toContainEqual({ header: '手机号', field: 'phone', score: 90, reason: 'synonym' });
    expect(preview.body.data.rows).toHaveLength(30);
    const started = await harness.request('POST', base, { fileId, object: 'customers', mapping: preview.body.data.mapping });
    expect(started).toMatchObject({ status: 202, body: { data: { status: 'queued', file: { name: '客户.csv' } } } });
    importId = started.body.data.id as string;
    const done = await finished(importId);
    expect(done).toMatchObject({ status: 'done', counts: { ...messy.counts, updated: 0, skipped: 0, review: 0 }, rowsDone: messy.counts.read, rowsTotal: messy.counts.read });
    expect(done.file).not.toHaveProperty('path');
    // The upload was kept for this import only: deleted right after the import's end is recorded.
    const { rows } = await harness.tessera.database.knex.raw(`SELECT file->>'path' AS path FROM ws_imp._imports WHERE id = ?`, [importId]) as { rows: { path: string }[] };
    await expect.poll(() => existsSync(rows[0]!.path)).toBe(false);
    expect((await harness.request('GET', base)).body.data.map((item: { id: string }) => item.id)).toEqual([importId]);
  });

  it('serves the rejected rows as a CSV download', async () => {
    const response = await fetch(`${harness.url}${base}/${importId}/errors.csv?lang=en`, { headers: { authorization: harness.authorization } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.trim().split('\n').length).toBeGreaterThanOrEqual(messy.counts.rejected + 1);
    expect(text).toContain('Errors,Original row');
  });

  it('undoes the import, once', async () => {
    const undone = await harness.request('POST', `${base}/${importId}/undo`);
    expect(undone).toMatchObject({ status: 200, body: { data: { deleted: messy.counts.created, restored: messy.existing.length, conflicts: [] } } });
    expect((await harness.request('POST', `${base}/${importId}/undo`)).body.error.code).toBe('IMPORT_NOT_RUNNABLE');
    expect((await harness.request('POST', `${base}/${importId}/cancel`)).body.error.code).toBe('IMPORT_NOT_RUNNABLE');
  });

  it('deletes an ended import with its undo log and rejected rows, audited', async () => {
    expect((await harness.request('DELETE', `${base}/${importId}`)).status).toBe(204);
    expect((await harness.request('GET', `${base}/${importId}`)).status).toBe(404);
    expect((await fetch(`${harness.url}${base}/${importId}/errors.csv`, { headers: { authorization: harness.authorization } })).status).toBe(404);
    expect((await harness.request('DELETE', `${base}/${importId}`)).status).toBe(404);
    expect((await harness.request('DELETE', `${base}/${encodeURIComponent("x' OR 1=1 --")}`)).status).toBe(404);
    const left = await harness.tessera.database.knex.raw(`SELECT (SELECT count(*) FROM ws_imp._import_batches WHERE import_id = ?)::int AS batches, (SELECT count(*) FROM ws_imp._import_rejects WHERE import_id = ?)::int AS rejects`, [importId, importId]) as { rows: unknown[] };
    expect(left.rows).toEqual([{ batches: 0, rejects: 0 }]);
    const audit = await harness.tessera.database.knex('ws_imp._audit').where({ action: 'import.delete' }).first('details') as { details: Record<string, unknown> };
    expect(audit.details).toMatchObject({ import_id: importId, file: '客户.csv' });
  });

  it('refuses bad uploads and bad requests with clear errors', async () => {
    expect(await upload('a,b\n1,2\n', 'name=x.csv')).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await upload('a,b\n1,2\n', 'object=nothing')).toMatchObject({ status: 404 });
    expect(await upload(Buffer.alloc(1024 * 1024 + 10, 97), 'object=customers')).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const json = await fetch(`${harness.url}${base}/files?object=customers`, { method: 'POST', body: '{}', headers: { authorization: harness.authorization, 'content-type': 'application/json' } });
    expect(json.status).toBe(415);
    for (const bad of ['../../etc/passwd', 'nope', 42, undefined]) {
      expect((await harness.request('POST', `${base}/preview`, { fileId: bad, object: 'customers' })).status).toBe(404);
    }
    // The file of an ended import is gone; a new upload, refused with a bad mapping, is kept for a better one.
    expect((await harness.request('POST', `${base}/preview`, { fileId, object: 'customers' })).status).toBe(404);
    const fresh = (await upload(csv, 'object=customers')).body.data.fileId as string;
    expect((await harness.request('POST', base, { fileId: fresh, object: 'customers', mapping: { fields: { nope: { from: '手机号' } } } })).body.error).toMatchObject({ code: 'IMPORT_BAD_MAPPING', errors: [{ pointer: '/fields/nope', code: 'unknown_field' }] });
    expect((await harness.request('POST', base, { fileId: fresh, object: 'customers', extra: 1 })).status).toBe(400);
    expect((await harness.request('POST', `${base}/preview`, { fileId: fresh, object: 'customers' })).status).toBe(200);
    expect((await harness.request('GET', `${base}/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
    expect((await harness.request('GET', `${base}/not-a-uuid`)).status).toBe(404);
  });
});

describe('records sent as JSON, through the same pipeline', () => {
  const path = '/api/w/imp/imports/records/customers';

  it('upserts a small batch while the request waits, answering every rejected record by its index', async () => {
    const stored = messy.existing[0]!;
    const records = [
      { name: '新客户甲', phone: '138 0013 0001', email: 'Jia@Example.com', points_balance: 10, vip: true },
      { name: '新客户乙', phone: '+8613800130002', birthday: '2001年2月3日' },
      { name: '新客户丙', phone: '13800130003', gender: '女' },
      { name: '改名了', phone: stored.phone, points_balance: 99 },
      { name: '坏邮箱', phone: '13800130005', email: 'not-an-email' },
    ];
    const answer = await harness.request('POST', path, { records });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ status: 'done', counts: { read: 5, created: 3, updated: 1, merged: 0, skipped: 0, rejected: 1, review: 0 } });
    expect(answer.body.rejected).toEqual([{ index: 4, errors: [expect.objectContaining({ pointer: '/email', code: 'not_email' })] }]);
    const list = await harness.request('GET', `/api/w/imp/data/customers?filter=${encodeURIComponent(JSON.stringify({ field: 'phone', op: 'in', value: ['+8613800130001', stored.phone] }))}&fields=name,phone,email,vip,points_balance&sort=phone`);
    expect(list.body.data.map((row: Record<string, unknown>) => [row.name, row.phone, row.points_balance])).toEqual([
      ['新客户甲', '+8613800130001', 10],
      ['改名了', stored.phone, 99],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
  });

  it('runs a large batch as a job (202) and refuses bad bodies', async () => {
    const records = Array.from({ length: 1_500 }, (_, index) => ({ name: `批量${index}`, phone: `+86139${String(index).padStart(8, '0')}` }));
    const started = await harness.request('POST', path, { records });
    expect(started.status).toBe(202);
    expect(await finished(started.body.data.id as string)).toMatchObject({ status: 'done', counts: { read: 1_500, created: 1_500 } });
    expect((await harness.request('POST', path, { records: 'nope' })).body.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await harness.request('POST', path, { records: [] })).body.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await harness.request('POST', path, { records: [1] })).body.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await harness.request('POST', path, { records: [{ salary: 1 }] })).body.error).toMatchObject({ code: 'IMPORT_BAD_MAPPING', errors: [{ pointer: '/fields/salary', code: 'unknown_field' }] });
    expect((await harness.request('POST', path, { records: [{ name: 'x' }], extra: true })).status).toBe(400);
  });
});

describe('mapping templates', () => {
  const templates = `${base}/templates`;
  const mapping = { fields: { name: { from: '客户名称' }, phone: { from: '手机号' } }, match: { on: [['phone']] } };

  it('saves a mapping by name (replacing one of that name), lists and deletes it', async () => {
    const saved = await harness.request('PUT', templates, { object: 'customers', name: ' 门店会员 ', mapping });
    expect(saved).toMatchObject({ status: 200, body: { data: { object: 'customers', name: '门店会员', mapping: { ...mapping, object: 'customers' } } } });
    const replaced = await harness.request('PUT', templates, { object: 'customers', name: '门店会员', mapping: { ...mapping, match: { on: [['phone']], action: 'skip' } } });
    expect(replaced.body.data.id).toBe(saved.body.data.id);
    const list = await harness.request('GET', `${templates}?object=customers`);
    expect(list.body.data).toMatchObject([{ name: '门店会员', mapping: { match: { action: 'skip' } } }]);
    expect((await harness.request('DELETE', `${templates}/${saved.body.data.id as string}`)).status).toBe(204);
    expect((await harness.request('GET', `${templates}?object=customers`)).body.data).toEqual([]);
    expect((await harness.request('DELETE', `${templates}/${saved.body.data.id as string}`)).status).toBe(404);
  });

  it('refuses bad templates with a pointer per problem and keeps nothing', async () => {
    expect((await harness.request('PUT', templates, { object: 'customers', name: '', mapping })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/name', code: 'required' }] });
    expect((await harness.request('PUT', templates, { object: 'customers', name: 'x'.repeat(101), mapping })).body.error).toMatchObject({ errors: [{ pointer: '/name', code: 'max_length' }] });
    expect((await harness.request('PUT', templates, { object: 'customers', name: 'bad', mapping: { fields: 'name' } })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/mapping/fields' }] });
    expect((await harness.request('PUT', templates, { object: 'customers', name: 'bad', mapping: { fields: { salary: { from: 'x' } } } })).body.error).toMatchObject({ errors: [{ pointer: '/mapping/fields/salary', code: 'unknown_field' }] });
    expect((await harness.request('PUT', templates, { object: 'nope', name: 'bad', mapping })).status).toBe(404);
    expect((await harness.request('PUT', templates, { object: 'customers', name: 'bad', mapping, extra: 1 })).status).toBe(400);
    expect((await harness.request('DELETE', `${templates}/${encodeURIComponent("1' OR '1'='1")}`)).status).toBe(404);
    expect((await harness.request('GET', `${templates}?object=customers`)).body.data).toEqual([]);
  });
});

describe('import permissions', () => {
  let sales: Caller;
  let clerk: Caller;

  beforeAll(async () => {
    const clerkRole = { name: 'clerk', label: { 'zh-CN': '录入员', en: 'Clerk' }, objects: { customers: { actions: ['read', 'create', 'update', 'import'], fields: { '*': 'write', email: 'none', points_balance: 'read' } } } };
    expect((await harness.request('PUT', '/api/w/imp/roles/clerk', { document: clerkRole })).status).toBe(200);
    sales = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'imp', role: 'sales' }] });
    clerk = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'imp', role: 'clerk' }] });
  });

  it('needs the import action on the object, to upload as well as to import', async () => {
    const key = (await sales.request('GET', '/api/w/imp/me')).status;
    expect(key).toBe(200);
    const token = `Bearer ${(await harness.tessera.accounts.createApiKey({ kind: 'user', userId: sales.userId, label: sales.email, platformAdmin: false }, { name: 'upload', scopes: ['records:read', 'records:write', 'records:import'] })).token}`;
    expect(await upload(csv, 'object=customers', {}, token)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('never suggests, nor accepts, a field the role cannot see or write; another user\'s upload is not found', async () => {
    const token = `Bearer ${(await harness.tessera.accounts.createApiKey({ kind: 'user', userId: clerk.userId, label: clerk.email, platformAdmin: false }, { name: 'upload', scopes: ['records:read', 'records:write', 'records:import'] })).token}`;
    const mine = await upload(csv, 'object=customers', {}, token);
    expect(mine.status).toBe(201);
    const preview = await clerk.request('POST', `${base}/preview`, { fileId: mine.body.data.fileId, object: 'customers' });
    expect(preview.status).toBe(200);
    expect(Object.keys(preview.body.data.mapping.fields)).not.toContain("email");
    expect(Object.keys(preview.body.data.mapping.fields)).not.toContain('points_balance');
    const hidden = await clerk.request('POST', base, { fileId: mine.body.data.fileId, object: 'customers', mapping: { fields: { name: { from: '客户名称' }, email: { from: '邮箱' }, points_balance: { from: '积分' } } } });
    expect(hidden.body.error).toMatchObject({ code: 'IMPORT_BAD_MAPPING', errors: [{ pointer: '/fields/email', code: 'unknown_field' }, { pointer: '/fields/points_balance', code: 'read_only' }] });
    const adminFile = (await upload(csv, 'object=customers')).body.data.fileId as string;
    expect((await harness.request('POST', `${base}/preview`, { fileId: adminFile, object: 'customers' })).status).toBe(200);
    expect((await clerk.request('POST', `${base}/preview`, { fileId: adminFile, object: 'customers' })).status).toBe(404);
    const hiddenTemplate = await clerk.request('PUT', `${base}/templates`, { object: 'customers', name: '含邮箱', mapping: { fields: { email: { from: '邮箱' }, points_balance: { from: '积分' } } } });
    expect(hiddenTemplate.body.error).toMatchObject({ errors: [{ pointer: '/mapping/fields/email', code: 'unknown_field' }, { pointer: '/mapping/fields/points_balance', code: 'read_only' }] });
    expect((await sales.request('GET', `${base}/templates?object=customers`)).status).toBe(403);
  });
});
