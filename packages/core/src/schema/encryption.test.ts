import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import type { Blueprint, Field } from '../documents/index.js';
import { bulkWrite, listRecords } from '../data/index.js';
import { encryptedBlueprint, phoneNumber } from '../keys/test-fixtures.js';
import { blindIndexColumn } from './index.js';
import type { TesseraError } from '../errors/index.js';

// Turning encryption on and off for filled fields, adding encrypted fields, archive and restore.

let tessera: Tessera;
const slug = 'encmig';
const phoneIndex = blindIndexColumn('obj_customers', 'fld_phone');
const rowCount = 2_345;

async function sql(text: string, bindings: unknown[] = []): Promise<Record<string, unknown>[]> {
  return (await tessera.database.knex.raw(text, bindings as never[])).rows as Record<string, unknown>[];
}

async function columnsOf(table: string): Promise<Record<string, string>> {
  const rows = await sql(`SELECT column_name AS c, data_type || coalesce('(' || character_maximum_length || ')', '') AS t FROM information_schema.columns WHERE table_schema = ? AND table_name = ?`, [`ws_${slug}`, table]);
  return Object.fromEntries(rows.map((row) => [row.c, row.t]));
}

/** Every customer's phone and email as the API answers them (system mode: plain), by code. */
async function apiValues(): Promise<Map<string, [unknown, unknown]>> {
  const context = await tessera.system(slug, 'test');
  const values = new Map<string, [unknown, unknown]>();
  let cursor: string | undefined;
  do {
    const page = await listRecords(context, 'customers', { limit: '1000', sort: 'code', ...(cursor ? { cursor } : {}) });
    for (const record of page.data) values.set(String(record.code), [record.phone, record.email]);
    cursor = page.page.next_cursor ?? undefined;
  } while (cursor);
  return values;
}

function changed(blueprint: Blueprint, change: (fields: Field[]) => void): Blueprint {
  const copy = structuredClone(blueprint);
  change(copy.objects[0]!.fields);
  return copy;
}

async function refusal(blueprint: Blueprint): Promise<string> {
  const error = await tessera.apply(slug, blueprint, { actor: 'test' }).then(() => undefined, (caught: unknown) => caught as TesseraError);
  return `${error?.code} ${String(error?.params.reason ?? '')}`;
}

describe('encryption migrations', () => {
  let plain: Map<string, [unknown, unknown]>;

  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace(slug, encryptedBlueprint({ encrypted: false }), 'test');
    const records = Array.from({ length: rowCount }, (_, index) => ({
      name: `客户${index}`, code: `C${String(index).padStart(5, '0')}`,
      phone: index % 10 === 0 ? null : phoneNumber(index), email: index % 7 === 0 ? null : `Person.${index}@Example.com`,
    }));
    await bulkWrite(await tessera.system(slug, 'test'), 'customers', 'create', records);
    await sql(`UPDATE ws_${slug}.customers SET deleted_at = now() WHERE code IN ('C00001', 'C00002')`);
    plain = await apiValues();
  });
  afterAll(async () => tessera.close());

  it('plans turning encryption on as steps of their own, counting the rows', async () => {
    const plan = await tessera.plan(slug, encryptedBlueprint(), { actor: 'test' });
    const steps = plan.steps.map((step) => [step.kind, step.field, 'rows' in step ? step.rows : undefined]);
    expect(steps).toEqual([['encrypt_field', 'phone', rowCount - Math.ceil(rowCount / 10)], ['encrypt_field', 'email', rowCount - Math.ceil(rowCount / 7)]]);
    expect(plan.applicable).toBe(true);
    expect(await sql(`SELECT count(*)::int AS n FROM ws_${slug}.customers WHERE phone LIKE 'tse1.%'`)).toEqual([{ n: 0 }]);
  });

  it('encrypts every value of a filled field (deleted rows too) and keeps each one', async () => {
    await tessera.apply(slug, encryptedBlueprint(), { actor: 'test' });
    const raw = await sql(`SELECT phone, email, "${phoneIndex}" AS bx, deleted_at FROM ws_${slug}.customers`);
    expect(raw.filter((row) => row.phone !== null && !String(row.phone).startsWith('tse1.'))).toEqual([]);
    expect(raw.filter((row) => row.email !== null && !String(row.email).startsWith('tse1.'))).toEqual([]);
    expect(raw.filter((row) => (row.phone === null) !== (row.bx === null))).toEqual([]);
    expect(raw.filter((row) => row.deleted_at !== null).every((row) => String(row.phone).startsWith('tse1.'))).toBe(true);
    expect(await apiValues()).toEqual(plain);
    const context = await tessera.system(slug, 'test');
    const found = await listRecords(context, 'customers', { filter: JSON.stringify({ field: 'email', op: 'eq', value: 'person.12@example.com' }) });
    expect(found.data.map((record) => record.code)).toEqual(['C00012']);
    expect((await columnsOf('customers')).phone).toBe('text');
  });

  it('decrypts every value back when encryption is turned off, and drops the blind index', async () => {
    const result = await tessera.apply(slug, encryptedBlueprint({ encrypted: false }), { actor: 'test' });
    expect(result.plan.steps.map((step) => step.kind)).toEqual(['decrypt_field', 'decrypt_field']);
    const columns = await columnsOf('customers');
    expect(columns.phone).toBe('character varying(32)');
    expect(columns[phoneIndex]).toBeUndefined();
    expect(await apiValues()).toEqual(plain);
    const raw = await sql(`SELECT code, phone FROM ws_${slug}.customers WHERE code = 'C00003'`);
    expect(raw).toEqual([{ code: 'C00003', phone: phoneNumber(3) }]);
    await tessera.apply(slug, encryptedBlueprint(), { actor: 'test' });
    expect(await apiValues()).toEqual(plain);
  });

  it('adds an encrypted field, filling existing rows with an encrypted value on request', async () => {
    const next = changed(encryptedBlueprint(), (fields) => {
      fields.push({ id: 'fld_wechat', name: 'wechat', type: 'text', label: { 'zh-CN': '微信', en: 'WeChat' }, personal: true, encrypted: true, required: true });
    });
    const result = await tessera.apply(slug, next, { actor: 'test', conversions: { 'customers.wechat': { onInvalid: 'set_value', value: 'wx-unknown' } } });
    expect(result.plan.steps.map((step) => step.kind)).toEqual(['add_field']);
    const raw = await sql(`SELECT DISTINCT wechat, "${blindIndexColumn('obj_customers', 'fld_wechat')}" AS bx FROM ws_${slug}.customers`);
    expect(raw).toHaveLength(1);
    expect(String(raw[0]!.wechat)).toMatch(/^tse1\./);
    const context = await tessera.system(slug, 'test');
    const page = await listRecords(context, 'customers', { filter: JSON.stringify({ field: 'wechat', op: 'eq', value: 'wx-unknown' }), count: 'true', limit: '1' });
    expect(page.page.total).toBe(rowCount - 2);
    expect(page.data[0]!.wechat).toBe('wx-unknown');
  });

  it('keeps an archived encrypted field with its blind index, and restores it readable and found', async () => {
    const withWechat = (await tessera.workspace(slug)).model.blueprint;
    await tessera.apply(slug, changed(withWechat, (fields) => { fields.splice(fields.findIndex((field) => field.name === 'email'), 1); }), { actor: 'test' });
    expect(Object.keys(await columnsOf('customers'))).toContain(blindIndexColumn('obj_customers', 'fld_email'));
    const restored = await tessera.apply(slug, withWechat, { actor: 'test' });
    // The alter_field is every restore's (the archived column lost NOT NULL and DEFAULT); nothing is re-encrypted.
    expect(restored.plan.steps.map((step) => step.kind)).toEqual(['restore_field', 'alter_field']);
    expect(new Map([...(await apiValues())].map(([code, [phone, email]]) => [code, [phone, email]]))).toEqual(plain);
    const context = await tessera.system(slug, 'test');
    const found = await listRecords(context, 'customers', { filter: JSON.stringify({ field: 'email', op: 'in', value: ['PERSON.22@example.com'] }) });
    expect(found.data.map((record) => record.code)).toEqual(['C00022']);
  });

  it('renames an encrypted field without touching its values', async () => {
    const current = (await tessera.workspace(slug)).model.blueprint;
    const result = await tessera.apply(slug, changed(current, (fields) => { fields.find((field) => field.name === 'phone')!.name = 'mobile'; }), { actor: 'test' });
    expect(result.plan.steps.map((step) => step.kind)).toEqual(['rename_field']);
    const context = await tessera.system(slug, 'test');
    const found = await listRecords(context, 'customers', { filter: JSON.stringify({ field: 'mobile', op: 'eq', value: phoneNumber(33) }) });
    expect(found.data.map((record) => [record.code, record.mobile])).toEqual([['C00033', phoneNumber(33)]]);
    await tessera.apply(slug, current, { actor: 'test' });
  });

  it('refuses changes the database cannot check inside ciphertexts, naming the way round', async () => {
    const current = (await tessera.workspace(slug)).model.blueprint;
    const wechat = (change: (field: Field) => void) => changed(current, (fields) => change(fields.find((field) => field.name === 'wechat')!));
    expect(await refusal(wechat((field) => { field.pattern = '^wx'; }))).toMatch(/^BAD_REQUEST customers\.wechat is encrypted: .*Turn encryption off/);
    expect(await refusal(wechat((field) => { field.type = 'email'; }))).toMatch(/^BAD_REQUEST customers\.wechat is encrypted: its type cannot change from text to email/);
    expect(await refusal(wechat((field) => { field.maxLength = 5; }))).toMatch(/^BAD_REQUEST .*lower maxLength/);
    const longer = await tessera.plan(slug, wechat((field) => { field.type = 'long_text'; }), { actor: 'test' });
    expect(longer.applicable).toBe(true);
  });

  it('checks new rules on plain values when encryption is turned off in the same change', async () => {
    const current = (await tessera.workspace(slug)).model.blueprint;
    const plainWith = (pattern: string) => changed(current, (fields) => Object.assign(fields.find((field) => field.name === 'wechat')!, { encrypted: false, pattern }));
    const fits = await tessera.plan(slug, plainWith('^wx-'), { actor: 'test' });
    expect(fits.steps.map((step) => step.kind)).toEqual(['decrypt_field', 'alter_field']);
    expect(fits.applicable).toBe(true);
    const misfits = await tessera.plan(slug, plainWith('^zz'), { actor: 'test' });
    const check = misfits.steps.find((step) => step.kind === 'alter_field');
    expect(check?.kind === 'alter_field' && check.checks.map((item) => [item.rule, item.violations])).toEqual([['pattern', rowCount]]);
    expect(misfits.applicable).toBe(false);
  });
});
