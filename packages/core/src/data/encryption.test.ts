import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, putMembership, saveRole, type Principal } from '../access/index.js';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { encryptedBlueprint, phoneNumber } from '../keys/test-fixtures.js';
import { blindIndexColumn } from '../schema/index.js';
import { bulkWrite, createRecord, exportRecords, getRecord, listRecords, revealRecord, updateRecord, type ApiRecord } from './index.js';

// Encrypted fields through every write and read path of the data layer, on PGlite and PostgreSQL.

let tessera: Tessera;
const slug = 'enc';
const system = () => tessera.system(slug, 'encryption test');
const phoneIndex = blindIndexColumn('obj_customers', 'fld_phone');
let reader: Principal;
let revealer: Principal;

async function member(role: string): Promise<Principal> {
  const user = await tessera.accounts.createUser(asSystem('test'), { email: `${role}@enc.test`, name: role, password: 'correct horse battery staple' });
  await putMembership(tessera.database.knex, { userId: user.id, workspaceId: (await tessera.workspace(slug)).id, role, teams: [], regions: [] });
  tessera.access.forget();
  return { kind: 'user', userId: user.id, label: user.email, platformAdmin: false };
}

/** Every text cell of a table (and of the workspace's audit log), to look for plaintext. */
async function everyCell(table: string): Promise<string> {
  const { rows } = await tessera.database.knex.raw(`SELECT t::text AS line FROM ws_${slug}.${table} AS t`);
  return (rows as { line: string }[]).map((row) => row.line).join('\n');
}

async function list(principal: Principal | undefined, params: Record<string, unknown>): Promise<ApiRecord[]> {
  const context = principal ? await tessera.data(slug, principal) : await system();
  return (await listRecords(context, 'customers', params)).data;
}

describe('encrypted fields', () => {
  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace(slug, encryptedBlueprint(), 'tester');
    reader = await member('read_only');
    revealer = await member('service');
  });
  afterAll(async () => tessera.close());

  it('stores no plaintext: not in the table, not in the audit log', async () => {
    const zhang = await createRecord(await system(), 'customers', { name: '张三', code: 'C1', phone: '+8613812345678', email: 'Zhang.San@example.com' });
    await updateRecord(await system(), 'customers', zhang.id as string, { email: 'zhang.san@example.cn' });
    await bulkWrite(await system(), 'customers', 'create', [{ name: '李四', code: 'C2', phone: '+8613987654321', email: 'li.si@example.com' }]);
    await bulkWrite(await system(), 'customers', 'upsert', [{ name: '王五', code: 'C3', phone: '+8613700001111', email: 'wang.wu@example.com' }], 'code');
    await bulkWrite(await system(), 'customers', 'update', [{ id: zhang.id, phone: '+8613812345678' }]);
    const cells = `${await everyCell('customers')}\n${await everyCell('_audit')}`;
    for (const plain of ['13812345678', '13987654321', '13700001111', '12345678', 'zhang.san', 'Zhang.San', 'li.si', 'wang.wu', 'example.c']) {
      expect(cells).not.toContain(plain);
    }
    const { rows } = await tessera.database.knex.raw(`SELECT phone, email, "${phoneIndex}" AS bx FROM ws_${slug}.customers WHERE code = 'C1'`);
    expect(rows[0].phone).toMatch(/^tse1\.[0-9a-f]{8}\./);
    expect(rows[0].bx).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const audit = await tessera.database.knex(`ws_${slug}._audit`).where({ record_id: zhang.id }).orderBy('id').pluck('changes');
    expect(audit[0]).toMatchObject({ phone: true, email: true, name: [null, '张三'] });
    expect(JSON.stringify(audit)).not.toContain(phoneIndex);
  });

  it('reads plain values in system mode, masked ones for a role, and reveals them', async () => {
    const [plain] = await list(undefined, { filter: JSON.stringify({ field: 'code', op: 'eq', value: 'C1' }) });
    expect(plain).toMatchObject({ phone: '+8613812345678', email: 'zhang.san@example.cn' });
    const [masked] = await list(reader, { filter: JSON.stringify({ field: 'code', op: 'eq', value: 'C1' }) });
    expect(masked).toMatchObject({ phone: '138****5678', email: 'z***@example.cn' });
    expect(await getRecord(await tessera.data(slug, reader), 'customers', plain!.id as string)).toMatchObject({ phone: '138****5678' });
    expect(await revealRecord(await tessera.data(slug, revealer), 'customers', plain!.id as string, ['phone', 'email'])).toEqual({ phone: '+8613812345678', email: 'zhang.san@example.cn' });
  });

  it('finds records by exact lookups (eq, in, ne, nin, is_null, search) and refuses the rest', async () => {
    const codes = async (principal: Principal | undefined, params: Record<string, unknown>) => (await list(principal, params)).map((record) => record.code).sort();
    const filter = (value: unknown) => ({ filter: JSON.stringify(value) });
    expect(await codes(undefined, filter({ field: 'phone', op: 'eq', value: '+8613812345678' }))).toEqual(['C1']);
    expect(await codes(reader, filter({ field: 'phone', op: 'eq', value: '+8613812345678' }))).toEqual(['C1']);
    expect(await codes(undefined, filter({ field: 'email', op: 'eq', value: 'LI.SI@example.com' }))).toEqual(['C2']);
    expect(await codes(undefined, filter({ field: 'phone', op: 'in', value: ['+8613987654321', '+8613700001111', '+8610000000000'] }))).toEqual(['C2', 'C3']);
    expect(await codes(undefined, filter({ field: 'phone', op: 'ne', value: '+8613812345678' }))).toEqual(['C2', 'C3']);
    expect(await codes(undefined, filter({ field: 'phone', op: 'nin', value: ['+8613812345678', '+8613987654321'] }))).toEqual(['C3']);
    expect(await codes(undefined, filter({ field: 'phone', op: 'is_null', value: false }))).toEqual(['C1', 'C2', 'C3']);
    expect(await codes(reader, { search: '138 1234 5678' })).toEqual(['C1']);
    expect(await codes(undefined, { search: '13812345678' })).toEqual(['C1']);
    expect(await codes(undefined, { search: 'wang.wu@example.com' })).toEqual(['C3']);
    const order = await createRecord(await system(), 'orders', { title: 'o1', customer: (await list(undefined, filter({ field: 'code', op: 'eq', value: 'C2' })))[0]!.id });
    const orders = await listRecords(await system(), 'orders', { ...filter({ field: 'customer.phone', op: 'eq', value: '+8613987654321' }), include: 'customer' });
    expect(orders.data.map((record) => record.id)).toEqual([order.id]);
    expect(orders.data[0]!.customer).toMatchObject({ phone: '+8613987654321' });
    const included = await listRecords(await tessera.data(slug, reader), 'orders', { include: 'customer' });
    expect(included.data[0]!.customer).toMatchObject({ phone: '139****4321' });
    await expect(list(undefined, filter({ field: 'phone', op: 'contains', value: '1381' }))).rejects.toMatchObject({ code: 'INVALID_FILTER', status: 400 });
    await expect(list(undefined, filter({ field: 'phone', op: 'starts_with', value: '+86' }))).rejects.toMatchObject({ code: 'INVALID_FILTER' });
    await expect(list(undefined, { sort: 'phone' })).rejects.toMatchObject({ code: 'INVALID_QUERY', status: 400 });
    await expect(list(reader, { sort: '-email' })).rejects.toMatchObject({ code: 'INVALID_QUERY' });
  });

  it('answers null for a value that does not decrypt, and the rest of the page as usual', async () => {
    const knex = tessera.database.knex;
    const { rows } = await knex.raw(`SELECT id::text AS id, phone FROM ws_${slug}.customers WHERE code = 'C3'`);
    const envelope = rows[0].phone as string;
    const tampered = `${envelope.slice(0, -2)}${envelope.endsWith('AA') ? 'BB' : 'AA'}`;
    await knex.raw(`UPDATE ws_${slug}.customers SET phone = ? WHERE code = 'C3'`, [tampered]);
    const page = await list(undefined, { sort: 'code' });
    expect(page.map((record) => [record.code, record.phone])).toEqual([['C1', '+8613812345678'], ['C2', '+8613987654321'], ['C3', null]]);
    expect(page[2]!.email).toBe('wang.wu@example.com');
    expect((await list(reader, { sort: 'code' }))[2]!.phone).toBeNull();
    // A value copied from another field (another context) is as unreadable.
    await knex.raw(`UPDATE ws_${slug}.customers SET email = (SELECT phone FROM ws_${slug}.customers WHERE code = 'C2') WHERE code = 'C3'`);
    expect((await list(undefined, { sort: 'code' }))[2]).toMatchObject({ email: null, code: 'C3' });
    await updateRecord(await system(), 'customers', rows[0].id as string, { phone: '+8613700001111', email: 'wang.wu@example.com' });
  });

  it('keeps plaintext out at the database too: an encrypted column takes envelopes only', async () => {
    await expect(tessera.database.knex.raw(`UPDATE ws_${slug}.customers SET phone = '+8613800000000' WHERE code = 'C1'`)).rejects.toMatchObject({ code: '23514' });
  });

  it('exports plain values only with the reveal action', async () => {
    const text = async (principal: Principal) => {
      let out = '';
      for await (const chunk of exportRecords(await tessera.data(slug, principal), 'customers', { sort: 'code' }, 'jsonl')) out += chunk;
      return out;
    };
    const admin = await member('admin');
    expect(await text(admin)).toContain('+8613812345678');
    const workspaceId = (await tessera.workspace(slug)).id;
    await saveRole(tessera.database.knex, workspaceId, { name: 'exporter', label: { 'zh-CN': '导出', en: 'Exporter' }, objects: { '*': { actions: ['read', 'export'], fields: { '*': 'read' } } } }, 'test');
    const masked = await text(await member('exporter'));
    expect(masked).toContain('138****5678');
    expect(masked).not.toContain('+8613812345678');
  });

  it('bulk upserts 1,000 records with an encrypted phone, whose values then decrypt and are found', async () => {
    const records = Array.from({ length: 1000 }, (_, index) => ({ name: `客户${index}`, code: `B${index}`, phone: phoneNumber(index), email: `b${index}@example.com` }));
    expect(await bulkWrite(await system(), 'customers', 'upsert', records, 'code')).toEqual({ created: 1000, updated: 0 });
    const changed = records.map((record, index) => ({ ...record, phone: phoneNumber(index + 5000) }));
    expect(await bulkWrite(await system(), 'customers', 'upsert', changed, 'code')).toEqual({ created: 0, updated: 1000 });
    const page = await listRecords(await system(), 'customers', { filter: JSON.stringify({ field: 'code', op: 'starts_with', value: 'B' }), limit: '1000' });
    const byCode = new Map(page.data.map((record) => [record.code, record.phone] as const));
    expect(byCode.size).toBe(1000);
    for (const [index, record] of changed.entries()) expect(byCode.get(`B${index}`)).toBe(record.phone);
    expect((await list(undefined, { filter: JSON.stringify({ field: 'phone', op: 'eq', value: phoneNumber(5999) }) })).map((record) => record.code)).toEqual(['B999']);
    expect(await list(undefined, { filter: JSON.stringify({ field: 'phone', op: 'eq', value: phoneNumber(999) }) })).toEqual([]);
    expect(await everyCell('customers')).not.toContain(phoneNumber(5999).slice(3));
  });
});
