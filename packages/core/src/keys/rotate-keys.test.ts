import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { bulkWrite, listRecords } from '../data/index.js';
import { KeyRing } from '../personal/index.js';
import { blindIndexColumn, writeValueBatch } from '../schema/index.js';
import { openTestDatabase } from '../testing/index.js';
import { Tessera } from '../tessera.js';
import { encryptedBlueprint, phoneNumber } from './test-fixtures.js';
import { rotateKeys, type RotationProgress } from './rotate-keys.js';
import { keyRotationJobKind } from './key-rotation-job.js';
import { JobWorker } from '../jobs/index.js';
import { asSystem } from '../access/index.js';

// A rotation: new secret current, old one previous; re-encrypt, interrupted half-way and resumed;
// lookups during and after; the old secret dropped at the end.

const slug = 'rot';
const rowCount = 2_200;
const oldSecret = randomBytes(32).toString('base64url');
const newSecret = randomBytes(32).toString('base64url');
const oldRing = KeyRing.fromSecrets(oldSecret);
const rotatingRing = KeyRing.fromSecrets(newSecret, [oldSecret]);
const newRing = KeyRing.fromSecrets(newSecret);

let database: Database;
const engines: Tessera[] = [];

async function engine(keyRing: KeyRing): Promise<Tessera> {
  const tessera = await Tessera.attach(database, { keyRing });
  engines.push(tessera);
  return tessera;
}

async function keyIdsInTable(): Promise<Record<string, number>> {
  // Every envelope in any column of the table (the archived wechat column included), by key id.
  const { rows } = await database.knex.raw(`SELECT m[1] AS key, count(*)::int AS n FROM ws_${slug}.customers AS t,
    regexp_matches(t::text, 'tse1\\.([0-9a-f]{8})\\.', 'g') AS m GROUP BY 1`);
  return Object.fromEntries((rows as { key: string; n: number }[]).map((row) => [row.key, row.n]));
}

async function codesWithPhone(tessera: Tessera, phones: string[]): Promise<string[]> {
  const page = await listRecords(await tessera.system(slug, 'test'), 'customers', { filter: JSON.stringify({ field: 'phone', op: 'in', value: phones }), limit: '1000' });
  return page.data.map((record) => String(record.code)).sort();
}

async function everyValue(tessera: Tessera): Promise<Map<string, unknown[]>> {
  const context = await tessera.system(slug, 'test');
  const values = new Map<string, unknown[]>();
  let cursor: string | undefined;
  do {
    const page = await listRecords(context, 'customers', { limit: '1000', sort: 'code', ...(cursor ? { cursor } : {}) });
    for (const record of page.data) values.set(String(record.code), [record.phone, record.email, record.wechat]);
    cursor = page.page.next_cursor ?? undefined;
  } while (cursor);
  return values;
}

describe('key rotation', () => {
  let written: Map<string, unknown[]>;

  beforeAll(async () => {
    database = await openTestDatabase();
    const before = await engine(oldRing);
    const blueprint = encryptedBlueprint();
    blueprint.objects[0]!.fields.push({ id: 'fld_wechat', name: 'wechat', type: 'text', label: { 'zh-CN': '微信', en: 'WeChat' }, personal: true, encrypted: true });
    await before.createWorkspace(slug, blueprint, 'test');
    const records = Array.from({ length: rowCount }, (_, index) => ({ name: `n${index}`, code: `C${String(index).padStart(5, '0')}`, phone: phoneNumber(index), email: `p${index}@example.com`, wechat: `wx_${index}` }));
    await bulkWrite(await before.system(slug, 'test'), 'customers', 'create', records);
    written = await everyValue(before);
    // The wechat field is archived before the rotation: its values must be rotated too, and read after a restore.
    await before.apply(slug, encryptedBlueprint(), { actor: 'test' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds every value under both keys while half of them are rotated, and goes on from there', async () => {
    const rotating = await engine(rotatingRing);
    const progress: RotationProgress[] = [];
    const interrupted = await rotateKeys(rotating, slug, {
      batchSize: 500,
      onProgress: (step) => {
        progress.push(step);
        if (step.done >= 1000) throw new Error('stopped half-way');
      },
    }).catch((error: unknown) => error as Error);
    expect(interrupted).toBeInstanceOf(Error);
    expect(progress[0]).toEqual({ workspace: slug, done: 0, total: 3 * rowCount });
    // The phone column is rotated first: 1,000 of its values are under the new key, the rest under the old.
    expect(await keyIdsInTable()).toEqual({ [oldRing.currentKeyId]: 3 * rowCount - 1000, [newRing.currentKeyId]: 1000 });
    const { rows: sample } = await database.knex.raw(`SELECT DISTINCT ON (split_part(phone, '.', 2)) code FROM ws_${slug}.customers ORDER BY split_part(phone, '.', 2), code`);
    const oneOfEach = (sample as { code: string }[]).map((row) => row.code).sort();
    expect(oneOfEach).toHaveLength(2);
    for (const code of oneOfEach) expect(await codesWithPhone(rotating, [phoneNumber(Number(code.slice(1)))])).toEqual([code]);
    const everyPhone = Array.from({ length: rowCount }, (_, index) => phoneNumber(index));
    const inParts = [0, 1000, 2000].map((start) => ({ field: 'phone', op: 'in', value: everyPhone.slice(start, start + 1000) }));
    const counted = await listRecords(await rotating.system(slug, 'test'), 'customers', { filter: JSON.stringify({ or: inParts }), count: 'true', limit: '1' });
    expect(counted.page.total).toBe(rowCount);
    const resumed = await rotateKeys(rotating, slug, { batchSize: 500 });
    expect(resumed).toMatchObject({ workspace: slug, keyId: newRing.currentKeyId, columns: 3, total: 3 * rowCount - 1000, rewritten: 3 * rowCount - 1000, unreadable: 0, changedMeanwhile: 0 });
    expect(await keyIdsInTable()).toEqual({ [newRing.currentKeyId]: 3 * rowCount });
    expect(await codesWithPhone(rotating, [phoneNumber(7), phoneNumber(1500)])).toEqual(['C00007', 'C01500']);
  });

  it('leaves nothing for the old key: without it, every value still reads and is found, the archived field too', async () => {
    const after = await engine(newRing);
    expect(await rotateKeys(after, slug)).toMatchObject({ total: 0, rewritten: 0 });
    expect(await codesWithPhone(after, [phoneNumber(2199), phoneNumber(0)])).toEqual(['C00000', 'C02199']);
    const blueprint = encryptedBlueprint();
    blueprint.objects[0]!.fields.push({ id: 'fld_wechat', name: 'wechat', type: 'text', label: { 'zh-CN': '微信', en: 'WeChat' }, personal: true, encrypted: true });
    await after.apply(slug, blueprint, { actor: 'test' });
    expect(await everyValue(after)).toEqual(written);
    const audit = await database.knex('tessera.platform_audit').where({ action: 'keys.rotate', target: slug }).orderBy('id').pluck('details');
    expect(audit.map((details: Record<string, unknown>) => details.rewritten)).toEqual([3 * rowCount - 1000, 0]);
  });

  it('lets a concurrent write win over the rewrite of the value it replaced', async () => {
    const after = engines[engines.length - 1]!;
    const table = `ws_${slug}.customers`;
    const { rows } = await database.knex.raw(`SELECT id::text AS id, phone FROM ${table} WHERE code = 'C00009'`);
    const written = await writeValueBatch(database.knex, table, 'phone', blindIndexColumn('obj_customers', 'fld_phone'), [{ id: rows[0].id, value: 'tse1.00000000.x', index: null, old: 'tse1.ffffffff.other' }], true);
    expect(written).toBe(0);
    expect(await codesWithPhone(after, [phoneNumber(9)])).toEqual(['C00009']);
  });

  it('runs over every workspace as a queued job for platform admins; a stopping worker releases it, the next one finishes it', async () => {
    const engine = engines[engines.length - 1]!;
    const rotation = engine.keyRotation;
    await expect(rotation.start({ kind: 'user', userId: 'u', label: 'u', platformAdmin: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rotation.status(asSystem('test'))).toMatchObject({ state: 'idle' });
    expect(await rotation.start(asSystem('test'))).toMatchObject({ state: 'queued', keyId: newRing.currentKeyId });
    // Starting again while it is queued answers the same run.
    await rotation.start(asSystem('test'));
    expect(Number((await database.knex('tessera.jobs').where({ kind: keyRotationJobKind }).count({ n: '*' }) as { n: string }[])[0]!.n)).toBe(1);
    const stopping = new JobWorker(engine.jobs, rotation.handler());
    await stopping.stop();
    expect(await stopping.runOne()).toBe(true);
    expect(await rotation.status(asSystem('test'))).toMatchObject({ state: 'queued', workspaces: { total: 1, done: 0 } });
    expect(await new JobWorker(engine.jobs, rotation.handler()).runOne()).toBe(true);
    const done = await rotation.status(asSystem('test'));
    expect(done).toMatchObject({ state: 'done', keyId: newRing.currentKeyId, done: 0, total: 0, workspaces: { total: 1, done: 1 }, results: [{ workspace: slug }] });
    expect(done.finishedAt).toBeDefined();
  });
});
