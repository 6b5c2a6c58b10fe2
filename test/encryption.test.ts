import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing, Tessera, asSystem, bulkWrite, type Principal } from '../packages/core/src/index.js';
import { openTestDatabase } from '../packages/core/src/testing/index.js';
import { encryptedBlueprint, phoneNumber } from '../packages/core/src/keys/test-fixtures.js';
import { createApp } from '../packages/server/src/index.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { call, makeCaller, type Caller } from './access-fixtures.js';

// Encrypted fields over HTTP: what the tables hold, what each role is answered, lookups, a bad
// ciphertext, bulk upserts; and the platform admins' key rotation endpoint.

const slug = 'shop';

/** The customers matching a filter in clear: an export (JSON lines) by a caller with the reveal action. */
async function exported(url: string, token: string, filter: unknown): Promise<Record<string, string | null>[]> {
  const answer = await call(url, token, 'GET', `/api/w/${slug}/data/customers/export?format=jsonl&sort=code&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expect(answer.status).toBe(200);
  return answer.text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string | null>);
}
const zhang = { name: '张三', code: 'C1', phone: '+8613812345678', email: 'zhang.san@example.com' };
const li = { name: '李四', code: 'C2', phone: '+8613987654321', email: 'li.si@example.com' };

describe('encrypted fields over HTTP', () => {
  let harness: ApiHarness;
  let reader: Caller;
  let service: Caller;
  let zhangId: string;
  const query = (filter: unknown) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const codes = (body: Record<string, any>) => (body.data as { code: string }[]).map((record) => record.code).sort();

  beforeAll(async () => {
    harness = await startApiHarness();
    await harness.tessera.createWorkspace(slug, encryptedBlueprint(), 'test');
    reader = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: slug, role: 'read_only' }], name: 'reader' });
    service = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: slug, role: 'service' }], name: 'service' });
    const created = await service.request('POST', `/api/w/${slug}/data/customers`, zhang);
    expect(created.status).toBe(201);
    zhangId = created.body.data.id as string;
    expect((await service.request('POST', `/api/w/${slug}/data/customers/bulk`, { mode: 'create', records: [li] })).status).toBe(200);
    expect((await service.request('PATCH', `/api/w/${slug}/data/customers/${zhangId}`, { email: 'zhang.san@example.cn', version: 1 })).status).toBe(200);
  }, 120_000);
  afterAll(async () => harness?.close());

  it('keeps phone numbers and emails out of every column of the table and of the audit log', async () => {
    const { rows } = await harness.tessera.database.knex.raw(`SELECT t::text AS line FROM ws_${slug}.customers t UNION ALL SELECT a::text FROM ws_${slug}._audit a`);
    const text = (rows as { line: string }[]).map((row) => row.line).join('\n');
    for (const plain of ['13812345678', '13987654321', '12345678', 'zhang.san', 'li.si', 'example.cn']) expect(text).not.toContain(plain);
    expect(text).toContain('张三');
  });

  it('answers masked values to a role without reveal, plain ones when revealed', async () => {
    const listed = await reader.request('GET', `/api/w/${slug}/data/customers?${query({ field: 'code', op: 'eq', value: 'C1' })}`);
    expect(listed.body.data[0]).toMatchObject({ phone: '138****5678', email: 'z***@example.cn' });
    const one = await reader.request('GET', `/api/w/${slug}/data/customers/${zhangId}`);
    expect(one.body.data).toMatchObject({ phone: '138****5678' });
    const revealed = await service.request('POST', `/api/w/${slug}/data/customers/${zhangId}/reveal`, { fields: ['phone', 'email'] });
    expect(revealed.status).toBe(200);
    expect(revealed.body.data).toEqual({ phone: '+8613812345678', email: 'zhang.san@example.cn' });
    expect((await reader.request('POST', `/api/w/${slug}/data/customers/${zhangId}/reveal`, {})).status).toBe(403);
  });

  it('finds a customer by phone: filter eq and in, and the search parameter', async () => {
    expect(codes((await reader.request('GET', `/api/w/${slug}/data/customers?${query({ field: 'phone', op: 'eq', value: zhang.phone })}`)).body)).toEqual(['C1']);
    expect(codes((await reader.request('POST', `/api/w/${slug}/data/customers/query`, { filter: { field: 'phone', op: 'in', value: [li.phone, '+8613000000000'] } })).body)).toEqual(['C2']);
    expect(codes((await reader.request('GET', `/api/w/${slug}/data/customers?search=${encodeURIComponent('139 8765 4321')}`)).body)).toEqual(['C2']);
    expect(codes((await harness.request('GET', `/api/w/${slug}/data/customers?search=13812345678`)).body)).toEqual(['C1']);
    expect(codes((await reader.request('GET', `/api/w/${slug}/data/customers?search=${encodeURIComponent('ZHANG.SAN@example.cn')}`)).body)).toEqual(['C1']);
  });

  it('refuses what ciphertexts cannot answer with a clean 400', async () => {
    const contains = await harness.request('GET', `/api/w/${slug}/data/customers?${query({ field: 'phone', op: 'contains', value: '138' })}`);
    expect(contains.status).toBe(400);
    expect(contains.body.error.code).toBe('INVALID_FILTER');
    const sorted = await harness.request('GET', `/api/w/${slug}/data/customers?sort=phone`);
    expect(sorted.status).toBe(400);
    expect(sorted.body.error.code).toBe('INVALID_QUERY');
    const partial = await reader.request('GET', `/api/w/${slug}/data/customers?${query({ field: 'phone', op: 'starts_with', value: '+86' })}`);
    expect([partial.status, partial.body.error.code]).toEqual([400, 'INVALID_FILTER']);
  });

  it('answers null for one tampered value and the rest of the page as usual', async () => {
    const knex = harness.tessera.database.knex;
    const { rows } = await knex.raw(`SELECT phone FROM ws_${slug}.customers WHERE code = 'C2'`);
    const envelope = String(rows[0].phone);
    await knex.raw(`UPDATE ws_${slug}.customers SET phone = ? WHERE code = 'C2'`, [`${envelope.slice(0, 20)}${envelope[20] === 'A' ? 'B' : 'A'}${envelope.slice(21)}`]);
    const page = await harness.request('GET', `/api/w/${slug}/data/customers?sort=code`);
    expect(page.status).toBe(200);
    expect(page.body.data.map((record: Record<string, unknown>) => [record.code, record.phone, record.email])).toEqual([
      ['C1', '138****5678', 'z***@example.cn'], ['C2', null, 'l***@example.com'],
    ]);
    const plain = await exported(harness.url, harness.authorization.slice('Bearer '.length), { field: 'code', op: 'in', value: ['C1', 'C2'] });
    expect(plain.map((record) => [record.code, record.phone])).toEqual([['C1', zhang.phone], ['C2', null]]);
    await knex.raw(`UPDATE ws_${slug}.customers SET phone = ? WHERE code = 'C2'`, [envelope]);
  });

  it('bulk upserts 1,000 customers with an encrypted phone, whose values decrypt', async () => {
    const records = Array.from({ length: 1000 }, (_, index) => ({ name: `客户${index}`, code: `B${index}`, phone: phoneNumber(index), email: `b${index}@example.com` }));
    const first = await service.request('POST', `/api/w/${slug}/data/customers/bulk`, { mode: 'upsert', key: 'code', records });
    expect(first.body).toEqual({ created: 1000, updated: 0 });
    const again = records.map((record, index) => ({ ...record, phone: phoneNumber(index + 3000) }));
    expect((await service.request('POST', `/api/w/${slug}/data/customers/bulk`, { mode: 'upsert', key: 'code', records: again })).body).toEqual({ created: 0, updated: 1000 });
    const page = await exported(harness.url, harness.authorization.slice('Bearer '.length), { field: 'code', op: 'starts_with', value: 'B' });
    const phones = new Map(page.map((record) => [record.code, record.phone]));
    expect(phones.size).toBe(1000);
    expect(again.every((record) => phones.get(record.code) === record.phone)).toBe(true);
    const found = await reader.request('GET', `/api/w/${slug}/data/customers?${query({ field: 'phone', op: 'eq', value: phoneNumber(3999) })}`);
    expect(found.body.data.map((record: { code: string; phone: string }) => [record.code, record.phone])).toEqual([['B999', '138****3999']]);
  });
});

describe('key rotation over HTTP', () => {
  const oldSecret = randomBytes(32).toString('base64url');
  const newSecret = randomBytes(32).toString('base64url');
  let before: Tessera;
  let after: Tessera;
  let close: () => Promise<void>;
  let url: string;
  let adminToken: string;

  beforeAll(async () => {
    const database = await openTestDatabase();
    before = await Tessera.attach(database, { keyRing: KeyRing.fromSecrets(oldSecret) });
    await before.createWorkspace(slug, encryptedBlueprint(), 'test');
    const records = Array.from({ length: 1500 }, (_, index) => ({ name: `n${index}`, code: `C${index}`, phone: phoneNumber(index), email: `p${index}@example.com` }));
    await bulkWrite(await before.system(slug, 'seed'), 'customers', 'create', records);
    after = await Tessera.attach(database, { keyRing: KeyRing.fromSecrets(newSecret, [oldSecret]) });
    const app = createApp({ tessera: after, logger: pino({ level: 'silent' }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = async () => { await app.close(); await database.close(); };
    const admin = await after.accounts.createUser(asSystem('test'), { email: 'root@rotate.test', name: 'root', password: 'correct horse battery staple', platformAdmin: true });
    const adminPrincipal: Principal = { kind: 'user', userId: admin.id, label: admin.email, platformAdmin: true };
    adminToken = (await after.accounts.createApiKey(adminPrincipal, { name: 'rotate', scopes: ['admin', 'records:read', 'records:export'] })).token;
  }, 120_000);
  afterAll(async () => close?.());

  it('starts the rotation for platform admins only and reports its progress until done', async () => {
    const member = await makeCaller(after, url, { memberships: [{ workspace: slug, role: 'admin' }], name: 'member' });
    expect((await member.request('POST', '/api/platform/rotate-keys')).status).toBe(403);
    expect((await call(url, undefined, 'GET', '/api/platform/rotate-keys')).status).toBe(401);
    const started = await call(url, adminToken, 'POST', '/api/platform/rotate-keys');
    expect(started.status).toBe(202);
    // A job on the queue: this server's worker takes it at once.
    expect(started.body.data).toMatchObject({ state: 'queued', keyId: after.keys.currentKeyId });
    let status = started.body.data as { state: string; done: number; total: number };
    for (let tries = 0; ['queued', 'running'].includes(status.state) && tries < 600; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await call(url, adminToken, 'GET', '/api/platform/rotate-keys')).body.data as typeof status;
    }
    expect(status).toMatchObject({ state: 'done', done: 3000, total: 3000, workspaces: { total: 1, done: 1 } });
    const { rows } = await after.database.knex.raw(`SELECT count(*)::int AS n FROM ws_${slug}.customers WHERE phone NOT LIKE ? OR email NOT LIKE ?`, [`tse1.${after.keys.currentKeyId}.%`, `tse1.${after.keys.currentKeyId}.%`]);
    expect(rows[0].n).toBe(0);
    const audit = await after.database.knex('tessera.platform_audit').where({ action: 'keys.rotate' }).pluck('details');
    expect(audit).toEqual([expect.objectContaining({ workspace: slug, total: 3000, rewritten: 3000, unreadable: 0 })]);
    const found = await exported(url, adminToken, { field: 'phone', op: 'eq', value: phoneNumber(1234) });
    expect(found.map((record) => [record.code, record.phone])).toEqual([['C1234', phoneNumber(1234)]]);
  });
});
