import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../access/index.js';
import { bulkWrite, recordHistory, updateRecord } from '../data/index.js';
import { ImportStore } from './import-store.js';
import { runImport } from './run-import.js';
import { JobWorker } from '../jobs/index.js';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { field, label } from '../../test/fixtures.js';
import { importBlueprint, messyCsv, messyCustomers, type CanonicalCustomer, type MessyCustomers } from '../../test/messy-customers.js';
import type { ImportRequest, ImportSummary } from './index.js';
import { libreOfficeFixture } from '../../scripts/libreoffice-fixture.js';

let tessera: Tessera;
let dir: string;
const admin = asSystem('import test');
const fields = ['name', 'phone', 'email', 'gender', 'birthday', 'province', 'city', 'district', 'address', 'points_balance', 'vip', 'notes'];

async function freshWorkspace(slug: string, existing: CanonicalCustomer[] = []): Promise<void> {
  await tessera.createWorkspace(slug, importBlueprint(), 'tester');
  if (existing.length > 0) await bulkWrite(await tessera.system(slug, 'tester'), 'customers', 'create', existing);
}

/** Starts an import and runs its job here, as a server's worker would. */
async function importFile(slug: string, request: ImportRequest): Promise<ImportSummary> {
  const started = await tessera.imports.start(slug, admin, request);
  expect(started.status).toBe('queued');
  await new JobWorker(tessera.jobs, tessera.imports.jobHandler()).runOne(await tessera.imports.jobOf(started.id));
  return tessera.imports.get(slug, admin, started.id);
}

async function storedCustomers(slug: string): Promise<Map<string, CanonicalCustomer>> {
  const rows = await tessera.database.knex(`ws_${slug}.customers`).whereNull('deleted_at').select(fields) as Record<string, unknown>[];
  return new Map(rows.map((row) => [row.phone as string, Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as CanonicalCustomer]));
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

function expectOutcome(summary: ImportSummary, messy: MessyCustomers): void {
  expect(summary.status).toBe('done');
  expect(summary.counts).toEqual({ ...messy.counts, updated: 0, skipped: 0, review: 0 });
  const { read, ...outcomes } = summary.counts;
  expect(Object.values(outcomes).reduce((sum, count) => sum + count, 0)).toBe(read);
}

beforeAll(async () => {
  tessera = await Tessera.attach(await openTestDatabase());
  dir = await mkdtemp(join(tmpdir(), 'tessera-import-'));
});
afterAll(async () => {
  await tessera.close();
  await rm(dir, { recursive: true, force: true });
});

describe('importing a messy customer list', () => {
  const messy = messyCustomers(20_261_126, 600);

  it('cleans, dedupes and merges a GBK CSV exactly as the generator says, batch boundaries included', async () => {
    await freshWorkspace('gbk', messy.existing);
    const path = join(dir, 'customers-gbk.csv');
    await writeFile(path, messyCsv(messy, 'gbk'));
    const summary = await importFile('gbk', { object: 'customers', path, name: '客户.csv', batchSize: 97 });
    expectOutcome(summary, messy);
    expect(summary.file).toMatchObject({ name: '客户.csv', format: 'csv', encoding: 'gb18030', headers: messy.headers });
    expect(await storedCustomers('gbk')).toEqual(messy.customers);
    const [created] = await tessera.database.knex('ws_gbk.customers').whereNull('deleted_at').whereNotIn('phone', messy.existing.map((customer) => customer.phone as string)).limit(1).pluck('id') as string[];
    const history = await recordHistory(await tessera.system('gbk', 'tester'), 'customers', created!, {});
    expect(history.data.map((entry) => entry.action)).toContain('record.import');
  });

  it('lists every rejected row in the error file, with the reasons in the language asked', async () => {
    const [summary] = await tessera.imports.list('gbk', admin);
    const text = await collect(await tessera.imports.errorFile('gbk', admin, summary!.id, 'zh-CN'));
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parse(text.slice(1)) as string[][];
    expect(header).toEqual([...messy.headers, '错误原因', '原行号']);
    expect(rows.map((row) => Number(row.at(-1))).sort((a, b) => a - b)).toEqual([...messy.rejected.keys()].sort((a, b) => a - b));
    const labels: Record<string, string> = { name: '姓名', phone: '手机', email: '邮箱', birthday: '生日', gender: '性别', points_balance: '积分' };
    for (const row of rows) {
      const field = messy.rejected.get(Number(row.at(-1)))!;
      expect(row.at(-2), `row ${row.at(-1)}`).toContain(`${labels[field]}: `);
      expect(row.slice(0, messy.headers.length)).toEqual(messy.rows[Number(row.at(-1)) - 2]!.map((cell) => cell));
    }
    const english = await collect(await tessera.imports.errorFile('gbk', admin, summary!.id, 'en'));
    expect(english).toContain('Errors,Original row');
  });

  it('undoes the import: created records deleted, merged ones back to their values before', async () => {
    const [summary] = await tessera.imports.list('gbk', admin);
    const result = await tessera.imports.undo('gbk', admin, summary!.id);
    expect(result).toEqual({ deleted: messy.counts.created, restored: messy.existing.length, conflicts: [] });
    expect(await storedCustomers('gbk')).toEqual(new Map(messy.existing.map((customer) => [customer.phone as string, customer])));
    expect((await tessera.imports.get('gbk', admin, summary!.id)).status).toBe('undone');
    await expect(tessera.imports.undo('gbk', admin, summary!.id)).rejects.toMatchObject({ code: 'IMPORT_NOT_RUNNABLE' });
  });

  it('gives the same records from an Excel workbook, typed cells included', async () => {
    await freshWorkspace('xlsx', messy.existing);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(messy.headers);
    // Phones as numbers where they are plain digits, as Excel stores a typed number.
    for (const row of messy.rows) sheet.addRow(row.map((cell, column) => (column === 1 && /^\d{11}$/.test(cell) ? Number(cell) : cell)));
    const path = join(dir, 'customers.xlsx');
    await workbook.xlsx.writeFile(path);
    const summary = await importFile('xlsx', { object: 'customers', path, sheet: '客户' });
    expectOutcome(summary, messy);
    expect(await storedCustomers('xlsx')).toEqual(messy.customers);
  });
});

describe('an Excel file written by another program', () => {
  it('reads LibreOffice\'s typed cells (numbers, dates, booleans it guessed) to the records the generator expects', async () => {
    const fixture = messyCustomers(libreOfficeFixture.seed, libreOfficeFixture.people);
    await freshWorkspace('libre', fixture.existing);
    const summary = await importFile('libre', { object: 'customers', path: libreOfficeFixture.path });
    expectOutcome(summary, fixture);
    expect(await storedCustomers('libre')).toEqual(fixture.customers);
  });
});

describe('cancel and undo', () => {
  const small = messyCustomers(55, 200);

  it('stops a running import after the batch in hand when asked; what it committed stays and can be undone', async () => {
    await freshWorkspace('cancel');
    const path = join(dir, 'cancel.csv');
    await writeFile(path, messyCsv(small, 'utf-8'));
    const started = await tessera.imports.start('cancel', admin, { object: 'customers', path, batchSize: 50 });
    const context = await tessera.system('cancel', 'tester');
    const store = new ImportStore(context.schema, tessera.keys);
    // The cancel arrives while the first batch is being committed (the lease is renewed after each batch).
    const ended = await runImport(context, store, started.id, { lease: { renew: async () => { await tessera.imports.cancel('cancel', admin, started.id); } } });
    expect(ended).toMatchObject({ status: 'canceled', rowsDone: 50, counts: { read: 50 } });
    expect(await tessera.database.knex('ws_cancel.customers').count({ n: '*' })).toEqual([{ n: ended.counts.created }]);
    await expect(tessera.imports.cancel('cancel', admin, started.id)).rejects.toMatchObject({ code: 'IMPORT_NOT_RUNNABLE' });
    expect(await tessera.imports.undo('cancel', admin, started.id)).toMatchObject({ deleted: ended.counts.created });
    expect(await tessera.database.knex('ws_cancel.customers').whereNull('deleted_at').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('keeps, and names, a record changed again after the import when undoing it', async () => {
    await freshWorkspace('conflict', small.existing);
    const path = join(dir, 'conflict.csv');
    await writeFile(path, messyCsv(small, 'utf-8'));
    const summary = await importFile('conflict', { object: 'customers', path });
    const [touched, untouched] = small.existing;
    const [record] = await tessera.database.knex('ws_conflict.customers').where({ phone: touched!.phone }).select('id', 'version') as { id: string; version: number }[];
    await updateRecord(await tessera.system('conflict', 'tester'), 'customers', record!.id, { notes: '导入后又改过', version: record!.version });
    const undone = await tessera.imports.undo('conflict', admin, summary.id);
    expect(undone).toEqual({ deleted: small.counts.created, restored: small.existing.length - 1, conflicts: [record!.id] });
    const after = await storedCustomers('conflict');
    expect(after.get(touched!.phone as string)).toMatchObject({ notes: '导入后又改过' });
    expect(after.get(untouched!.phone as string)).toEqual(untouched);
  });
});

describe('what the database refuses', () => {
  it('rejects the row whose unique value is taken, writes the others with their text exactly (tabs, backslashes, \\N, breaks)', async () => {
    await freshWorkspace('unique', [{ name: '老客户', phone: '+8613800000001' }]);
    const path = join(dir, 'unique.csv');
    const notes = ['制表\t符', 'C:\\客户\\N', '\\N', '第一行\n第二行', '引号"和,逗号', '{a,b}'];
    await writeFile(path, ['姓名,手机,备注', ...notes.map((note, index) => `客户${index},1390000000${index},"${note.replace(/"/g, '""')}"`), '重复,13800000001,已存在'].join('\n'));
    const summary = await importFile('unique', { object: 'customers', path, batchSize: 3, mapping: { fields: { name: { from: '姓名' }, phone: { from: '手机' }, notes: { from: '备注' } }, clean: { text: false }, match: { action: 'create' } } });
    expect(summary).toMatchObject({ status: 'done', error: null });
    expect(summary.counts).toMatchObject({ read: 7, created: 6, rejected: 1 });
    const rejected = await tessera.imports.rejectedRows('unique', admin, summary.id);
    expect(rejected).toMatchObject([{ row: 8, errors: [{ pointer: '/phone', code: 'unique' }] }]);
    const stored = await tessera.database.knex('ws_unique.customers').whereNot({ name: '老客户' }).orderBy('phone').pluck('notes');
    expect(stored).toEqual(notes);
  });
});

describe('relation cells', () => {
  it('finds the related record by the field the mapping names; a text naming none or several rejects its row', async () => {
    const blueprint = importBlueprint();
    blueprint.objects.push({ id: 'levels', name: 'levels', label: label('levels'), titleField: 'name', fields: [field('name', 'text', { required: true }), field('code', 'text')] });
    blueprint.objects[0]!.fields.push(field('level', 'relation', { label: { 'zh-CN': '等级', en: 'Level' }, relation: { kind: 'many_to_one', target: 'levels' } }));
    await tessera.createWorkspace('rel', blueprint, 'tester');
    await bulkWrite(await tessera.system('rel', 'tester'), 'levels', 'create', [{ name: '金卡会员', code: 'G' }, { name: '银卡会员', code: 'S' }, { name: '银卡会员', code: 'S2' }]);
    const [gold] = await tessera.database.knex('ws_rel.levels').where({ code: 'G' }).pluck('id') as string[];
    const path = join(dir, 'levels.csv');
    await writeFile(path, '姓名,手机,等级\n张三,13800000001, 金卡会员 \n李四,13800000002,银卡会员\n王五,13800000003,钻石会员\n');
    const mapping = { fields: { name: { from: '姓名' }, phone: { from: '手机' }, level: { from: '等级', lookup: 'name' } } };
    const summary = await importFile('rel', { object: 'customers', path, mapping });
    expect(summary.counts).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(await tessera.database.knex('ws_rel.customers').select('name', 'level')).toEqual([{ name: '张三', level: gold }]);
    const errors = await tessera.imports.rejectedRows('rel', admin, summary.id);
    expect(errors.map((row) => [row.row, row.errors.map((error) => error.code)])).toEqual([[3, ['ambiguous_reference']], [4, ['not_reference']]]);
    // Without a mapping, the suggestion looks 等级 up by the levels' title field.
    const suggested = await tessera.imports.preview('rel', admin, { object: 'customers', path });
    expect(suggested.mapping.fields.level).toEqual({ from: '等级', lookup: 'name' });
    const bad = (lookup: Record<string, unknown>) => tessera.imports.start('rel', admin, { object: 'customers', path, mapping: { fields: { name: { from: '姓名' }, ...lookup } } }).catch((error: { errors: unknown[] }) => error.errors);
    expect(await bad({ level: { from: '等级', lookup: 'nope' } })).toEqual([expect.objectContaining({ pointer: '/fields/level/lookup', code: 'unknown_reference' })]);
    expect(await bad({ phone: { from: '手机', lookup: 'name' } })).toEqual([expect.objectContaining({ pointer: '/fields/phone/lookup', code: 'not_applicable' })]);
  });
});

describe('refusals', () => {
  beforeAll(async () => freshWorkspace('bad'));

  it.each([
    ['empty.csv', Buffer.alloc(0), {}, 'IMPORT_EMPTY_FILE'],
    ['header-only.csv', Buffer.from('姓名,手机\n'), {}, 'IMPORT_NO_DATA_ROWS'],
    ['garbage.bin', Buffer.from(Array.from({ length: 10_000 }, (_, index) => (index * 7919 + 13) % 256)), {}, 'IMPORT_NOT_TEXT'],
    ['unknown-column.csv', Buffer.from('姓名,手机\n张三,13812345678\n'), { mapping: { fields: { name: { from: '名字' } } } }, 'IMPORT_BAD_MAPPING'],
    ['unknown-field.csv', Buffer.from('姓名,手机\n张三,13812345678\n'), { mapping: { fields: { salary: { from: '姓名' } } } }, 'IMPORT_BAD_MAPPING'],
    ['read-only.csv', Buffer.from('姓名,手机\n张三,13812345678\n'), { mapping: { fields: { id: { from: '姓名' } } } }, 'IMPORT_BAD_MAPPING'],
    ['malformed-mapping.csv', Buffer.from('姓名\n张三\n'), { mapping: { fields: { name: { from: 3 } } } }, 'IMPORT_BAD_MAPPING'],
    ['unmapped-key.csv', Buffer.from('姓名\n张三\n'), { mapping: { fields: { name: { from: '姓名' } }, match: { on: [['phone']] } } }, 'IMPORT_BAD_MAPPING'],
    ['sheet.csv', Buffer.from('姓名\n张三\n'), { object: 'orders' }, 'NOT_FOUND'],
  ])('refuses %s before writing anything', async (name, content, extra, code) => {
    const path = join(dir, name);
    await writeFile(path, content);
    await expect(tessera.imports.start('bad', admin, { object: 'customers', path, ...extra })).rejects.toMatchObject({ code });
    expect(await tessera.imports.list('bad', admin)).toEqual([]);
    expect(await tessera.database.knex('ws_bad.customers').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('refuses a 2 GB single line after reading 1 MiB of it, memory flat, nothing written', async () => {
    const path = join(dir, 'one-line.csv');
    const file = createWriteStream(path);
    const chunk = Buffer.alloc(8 * 1024 * 1024, 'x');
    file.write('客户名称,');
    for (let written = 0; written < 2 * 1024 ** 3; written += chunk.length) if (!file.write(chunk)) await once(file, 'drain');
    file.end();
    await once(file, 'finish');
    const before = process.memoryUsage().rss;
    await expect(tessera.imports.start('bad', admin, { object: 'customers', path })).rejects.toMatchObject({ code: 'IMPORT_ROW_TOO_LONG', params: { row: 1 } });
    // Holding the line would take gigabytes; the reader stops at its limit.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    expect(await tessera.imports.list('bad', admin)).toEqual([]);
    await rm(path);
  }, 120_000);

  it('names every problem of a bad mapping with a pointer', async () => {
    const path = join(dir, 'named.csv');
    await writeFile(path, '姓名,手机\n张三,13812345678\n');
    const error = await tessera.imports.start('bad', admin, { object: 'customers', path, mapping: { fields: { name: { from: '名字' }, bogus: { from: '姓名' }, email: {} } } }).catch((caught: unknown) => caught) as { errors: { pointer: string; code: string }[] };
    expect(error.errors.map((item) => `${item.pointer} ${item.code}`).sort()).toEqual(['/fields/bogus unknown_field', '/fields/email no_source', '/fields/name/from unknown_column']);
  });

  it('refuses a sheet the workbook does not have, naming the ones it has', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('客户').addRow(['姓名']);
    const path = join(dir, 'sheets.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(tessera.imports.start('bad', admin, { object: 'customers', path, sheet: '订单' })).rejects.toMatchObject({ code: 'IMPORT_UNKNOWN_SHEET', params: { sheets: '客户' } });
  });
});
