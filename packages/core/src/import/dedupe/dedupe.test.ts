import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../access/index.js';
import { bulkWrite, mergeRecords, recordHistory } from '../../data/index.js';
import type { Blueprint } from '../../documents/index.js';
import { JobWorker } from '../../jobs/index.js';
import { Tessera } from '../../tessera.js';
import { openTestDatabase } from '../../testing/index.js';
import { field, label } from '../../../test/fixtures.js';
import { importBlueprint } from '../../../test/messy-customers.js';
import type { ImportSummary } from '../index.js';
import { fuzzyScore } from './fuzzy-score.js';
import { valueSimilarity } from './text-similarity.js';

let tessera: Tessera;
let dir: string;
const admin = asSystem('dedupe test');

/** Customers, orders that belong to one (many_to_one) and campaigns that list many (many_to_many). */
function crmBlueprint(): Blueprint {
  const blueprint = importBlueprint();
  blueprint.objects[0]!.fields.push(field('channel', 'text'), field('last_order_on', 'date'));
  blueprint.objects.push(
    { id: 'orders', name: 'orders', label: label('orders'), fields: [field('number', 'text', { required: true }), field('customer', 'relation', { relation: { kind: 'many_to_one', target: 'customers' } })] },
    { id: 'campaigns', name: 'campaigns', label: label('campaigns'), fields: [field('title', 'text', { required: true }), field('members', 'relation', { relation: { kind: 'many_to_many', target: 'customers' } })] },
  );
  return blueprint;
}

const stored = [
  { id: '00000000-0000-4000-8000-000000000001', name: '张伟', phone: '+8613800000001', city: '杭州市', district: '西湖区', address: '文三路100号华星大厦5楼', points_balance: 10 },
  { id: '00000000-0000-4000-8000-000000000002', name: '李娜', phone: '+8613800000002', city: '杭州市', district: '西湖区', address: '天目山路88号', email: 'lina@example.com' },
  { id: '00000000-0000-4000-8000-000000000003', name: '王芳', phone: '+8613800000003', city: '上海市', district: '浦东新区', address: '世纪大道1号' },
];

async function workspace(slug: string): Promise<void> {
  await tessera.createWorkspace(slug, crmBlueprint(), 'tester');
  await bulkWrite(await tessera.system(slug, 'tester'), 'customers', 'create', stored);
}

async function importCsv(slug: string, name: string, lines: string[], mapping: object): Promise<ImportSummary> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  const started = await tessera.imports.start(slug, admin, { object: 'customers', path, mapping });
  await new JobWorker(tessera.jobs, tessera.imports.jobHandler()).runOne(await tessera.imports.jobOf(started.id));
  return tessera.imports.get(slug, admin, started.id);
}

const live = async (slug: string) => tessera.database.knex(`ws_${slug}.customers`).whereNull('deleted_at').orderBy('phone').select('id', 'name', 'phone', 'address', 'email', 'points_balance') as Promise<Record<string, unknown>[]>;

const fuzzyMapping = {
  fields: { name: { from: '姓名' }, phone: { from: '手机' }, address: { from: '地址' }, email: { from: '邮箱' } },
  clean: { addresses: false },
  match: { on: [['phone']], action: 'merge', fuzzy: { block: ['name'], compare: { address: 1 }, threshold: 0.9, review: 0.6 } },
};

beforeAll(async () => {
  tessera = await Tessera.attach(await openTestDatabase());
  dir = await mkdtemp(join(tmpdir(), 'tessera-dedupe-'));
});
afterAll(async () => {
  await tessera.close();
  await rm(dir, { recursive: true, force: true });
});

describe('similarity', () => {
  it('scores texts by edit distance after folding width, case, spaces and punctuation', () => {
    expect(valueSimilarity('文三路 100 号，华星大厦', '文三路１００号华星大厦')).toBe(1);
    expect(valueSimilarity('张晓明', '张小明')).toBeCloseTo(2 / 3, 5);
    expect(valueSimilarity('', '张三')).toBeNull();
    expect(valueSimilarity(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3, 5);
    expect(valueSimilarity(3, 3)).toBe(1);
    expect(valueSimilarity(3, 4)).toBe(0);
  });

  it('weighs the fields both sides have, and needs half the weight to give a score', () => {
    const rule = { block: ['city'], compare: { name: 3, address: 1 } };
    expect(fuzzyScore(rule, { name: '张伟', address: '文三路100号' }, { name: '张伟', address: '文三路10号' })).toEqual({ score: 0.964, fields: { name: 1, address: 0.857 } });
    expect(fuzzyScore(rule, { name: '张伟' }, { name: '张伟', address: 'x' })).toEqual({ score: 1, fields: { name: 1, address: null } });
    expect(fuzzyScore(rule, { address: '文三路100号' }, { name: '张伟', address: '文三路100号' })).toBeUndefined();
  });
});

describe('fuzzy matching in an import', () => {
  it('merges a near-certain match, queues a likely one, creates the rest, and counts every row', async () => {
    await workspace('fuzzy');
    const summary = await importCsv('fuzzy', 'fuzzy.csv', [
      '姓名,手机,地址,邮箱',
      '张伟,,文三路100号华星大厦5层,zw@example.com', // typo of one character in 14: 0.93, merged into 张伟
      '李娜,,天目山路8号,ln2@example.com', // 0.86: in the review band
      '王芳,,北京东路 99 弄,wf@example.com', // same name, another address: a new customer
      '赵磊,13900000009,中山路1号,',
      '赵磊,,中山路1号A座,zl@example.com', // matches the row above (created in this import) at 0.71: review
    ], fuzzyMapping);
    expect(summary.counts).toEqual({ read: 5, created: 2, merged: 1, updated: 0, skipped: 0, rejected: 0, review: 2 });
    const customers = await live('fuzzy');
    expect(customers.find((customer) => customer.name === '张伟')).toMatchObject({ email: 'zw@example.com', address: '文三路100号华星大厦5楼' });
    expect(customers.filter((customer) => customer.name === '王芳')).toHaveLength(2);

    const queue = await tessera.duplicates.list('fuzzy', admin, { object: 'customers', importId: summary.id });
    expect(queue.total).toBe(2);
    const [lina, zhao] = [queue.items.find((item) => item.rowNumber === 3)!, queue.items.find((item) => item.rowNumber === 6)!];
    expect(lina).toMatchObject({ source: 'import', status: 'pending', score: 0.857, similarity: { address: 0.857 }, incoming: { name: '李娜', address: '天目山路8号', email: 'ln2@example.com' } });
    expect(lina.candidate).toMatchObject({ id: stored[1]!.id, name: '李娜' });
    expect(zhao.candidate).toMatchObject({ name: '赵磊', phone: '+8613900000009' });

    const merged = await tessera.duplicates.resolve('fuzzy', admin, lina.id, { action: 'merge' });
    expect(merged).toMatchObject({ status: 'merged', resultId: stored[1]!.id });
    // fill_empty: the stored address and email stay.
    expect(customers.find((customer) => customer.name === '李娜')).toEqual((await live('fuzzy')).find((customer) => customer.name === '李娜'));
    const created = await tessera.duplicates.resolve('fuzzy', admin, zhao.id, { action: 'create', values: { name: '赵磊（二）' } });
    expect(created.status).toBe('created');
    expect((await live('fuzzy')).find((customer) => customer.id === created.resultId)).toMatchObject({ name: '赵磊（二）', email: 'zl@example.com' });
    await expect(tessera.duplicates.resolve('fuzzy', admin, zhao.id, { action: 'skip' })).rejects.toMatchObject({ code: 'DUPLICATE_RESOLVED' });
    expect((await tessera.imports.get('fuzzy', admin, summary.id)).counts).toEqual({ read: 5, created: 3, merged: 2, updated: 0, skipped: 0, rejected: 0, review: 0 });

    // Undo takes back the decisions too: the record created from the queue goes, 张伟 gets his empty email back.
    const undone = await tessera.imports.undo('fuzzy', admin, summary.id);
    expect(undone).toMatchObject({ deleted: 3, conflicts: [] });
    expect((await live('fuzzy')).map((customer) => customer.name)).toEqual(['张伟', '李娜', '王芳']);
    expect((await live('fuzzy'))[0]).toMatchObject({ email: null });
  });

  it('refuses bad decisions and bad rules with clear errors', async () => {
    await workspace('fuzzybad');
    const summary = await importCsv('fuzzybad', 'bad.csv', ['姓名,手机,地址,邮箱', '李娜,,天目山路8号,'], fuzzyMapping);
    const [item] = (await tessera.duplicates.list('fuzzybad', admin, { object: 'customers' })).items;
    await expect(tessera.duplicates.resolve('fuzzybad', admin, item!.id, { action: 'keep_apart' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/action' }] });
    await expect(tessera.duplicates.resolve('fuzzybad', admin, item!.id, { action: 'create', values: { points_balance: -1 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/points_balance' }] });
    await expect(tessera.duplicates.resolve('fuzzybad', admin, item!.id, 'merge')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(tessera.duplicates.resolve('fuzzybad', admin, "x' OR 1=1 --", { action: 'merge' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await tessera.imports.get('fuzzybad', admin, summary.id)).counts.review).toBe(1);
    const path = join(dir, 'bad.csv');
    const badRule = { ...fuzzyMapping, match: { fuzzy: { block: ['city'], compare: { notes: 1 }, threshold: 0.5, review: 0.8 } } };
    await expect(tessera.imports.start('fuzzybad', admin, { object: 'customers', path, mapping: badRule })).rejects.toMatchObject({
      code: 'IMPORT_BAD_MAPPING', errors: [{ pointer: '/match/fuzzy/block', code: 'not_mapped' }, { pointer: '/match/fuzzy/compare/notes', code: 'not_mapped' }, { pointer: '/match/fuzzy/review', code: 'review_above_threshold' }],
    });
  });
});

describe('survivorship by the newer record and by the more trusted source', () => {
  it('keeps the newer record\'s address and the more trusted source\'s notes, field by field', async () => {
    await tessera.createWorkspace('survive', crmBlueprint(), 'tester');
    await bulkWrite(await tessera.system('survive', 'tester'), 'customers', 'create', [
      { name: '张伟', phone: '+8613800000001', channel: 'store', last_order_on: '2024-01-01', address: '门店登记地址', notes: '门店备注' },
      { name: '李娜', phone: '+8613800000002', channel: 'erp', last_order_on: '2024-01-01', address: 'ERP 地址', notes: 'ERP 备注' },
    ]);
    const mapping = {
      fields: { name: { from: '姓名' }, phone: { from: '手机' }, address: { from: '地址' }, notes: { from: '备注' }, last_order_on: { from: '最近下单' }, channel: { default: 'tmall' } },
      clean: { addresses: false },
      match: { on: [['phone']], merge: { address: 'newest', notes: 'source_priority' }, newestBy: 'last_order_on', sourceField: 'channel', sourcePriority: ['erp', 'tmall', 'store'] },
    };
    const summary = await importCsv('survive', 'survive.csv', ['姓名,手机,地址,备注,最近下单', '张伟,13800000001,天猫旧地址,天猫备注,2023-06-01', '李娜,13800000002,天猫新地址,天猫备注,2024-05-01'], mapping);
    expect(summary.counts).toMatchObject({ read: 2, merged: 2 });
    const rows = await tessera.database.knex('ws_survive.customers').orderBy('phone').select('address', 'notes', 'channel') as Record<string, unknown>[];
    expect(rows).toEqual([
      // 张伟's file row is older (2023): his address stays; tmall outranks store: the notes are the file's.
      { address: '门店登记地址', notes: '天猫备注', channel: 'store' },
      // 李娜's file row is newer (2024-05): the address is the file's; erp outranks tmall: the notes stay.
      { address: '天猫新地址', notes: 'ERP 备注', channel: 'erp' },
    ]);
  });

  it('refuses rules without what they compare', async () => {
    const path = join(dir, 'survive.csv');
    const mapping = { fields: { name: { from: '姓名' }, phone: { from: '手机' }, notes: { from: '备注' } }, match: { on: [['phone']], merge: { notes: 'source_priority' }, newestBy: 'notes' } };
    await expect(tessera.imports.start('survive', admin, { object: 'customers', path, mapping })).rejects.toMatchObject({
      code: 'IMPORT_BAD_MAPPING',
      errors: [{ pointer: '/match/newestBy', code: 'type' }, { pointer: '/match/sourceField', code: 'required' }, { pointer: '/match/sourcePriority', code: 'required' }],
    });
  });
});

describe('dedupe runs and merges of stored records', () => {
  it('finds exact and fuzzy pairs once, and a merge moves every link and is audited', async () => {
    await workspace('dedupe');
    const system = await tessera.system('dedupe', 'tester');
    await bulkWrite(system, 'customers', 'create', [
      { id: '00000000-0000-4000-8000-000000000011', name: '张伟', phone: '+8613800000011', address: '文三路100号华星大厦5层', email: 'zw@example.com', points_balance: 5 },
      { id: '00000000-0000-4000-8000-000000000012', name: '王芳', phone: '+8613800000012', address: '世纪大道1号', email: 'wf@example.com' },
      { id: '00000000-0000-4000-8000-000000000013', name: '陈静', phone: '+8613800000013', email: 'wf@example.com' },
    ]);
    await bulkWrite(system, 'orders', 'create', [
      { number: 'A1', customer: stored[0]!.id }, { number: 'A2', customer: '00000000-0000-4000-8000-000000000011' }, { number: 'A3', customer: '00000000-0000-4000-8000-000000000011' },
    ]);
    await bulkWrite(system, 'campaigns', 'create', [
      { title: '双十一', members: [stored[0]!.id, '00000000-0000-4000-8000-000000000011'] }, { title: '618', members: ['00000000-0000-4000-8000-000000000011'] },
    ]);
    const rule = { on: [['email']], fuzzy: { block: ['name'], compare: { address: 1 }, review: 0.8 } };
    const runOnce = async () => {
      const run = await tessera.duplicates.startRun('dedupe', admin, 'customers', rule);
      await new JobWorker(tessera.jobs, tessera.duplicates.jobHandler()).runOne();
      return tessera.duplicates.run('dedupe', admin, run.id);
    };
    const first = await runOnce();
    expect(first).toMatchObject({ status: 'done', recordsTotal: 6, recordsDone: 6, pairs: 3 });
    const queue = await tessera.duplicates.list('dedupe', admin, { object: 'customers', runId: first.id });
    const pairs = queue.items.map((item) => [item.record!.name, item.candidate!.name, item.score]);
    // 陈静 shares 王芳's email; the two 王芳 share an address; the two 张伟 differ by one character in 13.
    expect(pairs).toEqual(expect.arrayContaining([['陈静', '王芳', 1], ['王芳', '王芳', 1], ['张伟', '张伟', 0.923]]));
    expect(pairs).toHaveLength(3);
    expect((await runOnce()).pairs).toBe(0);

    const zhang = queue.items.find((item) => item.record!.name === '张伟')!;
    const resolved = await tessera.duplicates.resolve('dedupe', admin, zhang.id, { action: 'merge', survivor: stored[0]!.id, values: { address: '文三路100号华星大厦5层' } });
    expect(resolved).toMatchObject({ status: 'merged', resultId: stored[0]!.id });
    const survivor = (await live('dedupe')).find((customer) => customer.id === stored[0]!.id);
    expect(survivor).toMatchObject({ address: '文三路100号华星大厦5层', email: 'zw@example.com', points_balance: 10 });
    expect(await tessera.database.knex('ws_dedupe.orders').orderBy('number').pluck('customer')).toEqual([stored[0]!.id, stored[0]!.id, stored[0]!.id]);
    const members = await tessera.database.knex('ws_dedupe.campaigns__members').orderBy('source_id').select('source_id', 'target_id') as { target_id: string }[];
    expect(members.map((row) => row.target_id)).toEqual([stored[0]!.id, stored[0]!.id]);
    expect(await tessera.database.knex('ws_dedupe.customers').where({ id: '00000000-0000-4000-8000-000000000011' }).first('deleted_at')).toMatchObject({ deleted_at: expect.anything() });
    const history = await recordHistory(system, 'customers', stored[0]!.id, {});
    expect(history.data.map((entry) => entry.action)).toEqual(expect.arrayContaining(['record.merge']));
    const relinks = await tessera.database.knex('ws_dedupe._audit').where({ action: 'record.relink' }).count({ n: '*' }) as { n: string }[];
    expect(Number(relinks[0]!.n)).toBe(2);
    const relink = await tessera.database.knex('ws_dedupe._audit').where({ action: 'record.relink' }).first('changes', 'object') as { changes: unknown; object: string };
    expect(relink).toEqual({ object: 'orders', changes: { customer: ['00000000-0000-4000-8000-000000000011', stored[0]!.id] } });

    // Kept apart, a pair is not proposed again.
    const chen = queue.items.find((item) => item.record!.name === '陈静')!;
    expect((await tessera.duplicates.resolve('dedupe', admin, chen.id, { action: 'keep_apart' })).status).toBe('kept_apart');
    expect((await runOnce()).pairs).toBe(0);
    await expect(mergeRecords(system, 'customers', stored[0]!.id, stored[0]!.id)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/loser', code: 'same_record' }] });
    await expect(mergeRecords(system, 'customers', stored[0]!.id, '00000000-0000-4000-8000-000000000011')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a rule naming unknown fields, and a role that may not delete', async () => {
    await workspace('dedupebad');
    await expect(tessera.duplicates.startRun('dedupebad', admin, 'customers', { fuzzy: { block: ['nope'], compare: { name: 1 } } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/fuzzy/block/0', code: 'unknown_field' }] });
    await expect(tessera.duplicates.startRun('dedupebad', admin, 'customers', {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(tessera.duplicates.startRun('dedupebad', admin, 'customers', { on: [['email']], extra: true })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
