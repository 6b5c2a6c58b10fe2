import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { field, label } from '../../test/fixtures.js';
import type { Blueprint } from '../documents/index.js';
import { bulkWrite, exportRecords } from './index.js';

const rows = 20_001;

function blueprint(): Blueprint {
  return {
    label: label('xlsx'),
    timezone: 'Asia/Shanghai',
    objects: [{
      id: 'deals', name: 'deals', label: { 'zh-CN': '商机', en: 'Deals' }, titleField: 'title',
      fields: [
        { ...field('title', 'text'), label: { 'zh-CN': '标题', en: 'Title' } },
        field('n', 'integer'),
        field('amount', 'money', { currency: 'CNY' }),
        field('rate', 'percent'),
        field('won', 'boolean'),
        field('due', 'date'),
        field('seen_at', 'datetime'),
        field('stage', 'single_select', { options: [{ value: 'open', label: { 'zh-CN': '进行中', en: 'Open' } }] }),
        field('tags', 'multi_select', { options: [{ value: 'a', label: { 'zh-CN': '甲', en: 'A' } }, { value: 'b', label: { 'zh-CN': '乙', en: 'B' } }] }),
        field('phone', 'phone', { personal: true }),
      ],
    }],
  };
}

/** Every chunk of an export, and the workbook they make. */
async function exported(tessera: Tessera, language: 'zh-CN' | 'en', params: Record<string, unknown> = {}): Promise<{ chunks: number; sheet: ExcelJS.Worksheet }> {
  const parts: Buffer[] = [];
  for await (const chunk of exportRecords(await tessera.system('xlsx', 'test'), 'deals', { sort: 'n', ...params }, 'xlsx', { language })) parts.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  const file = Buffer.concat(parts);
  // exceljs types its argument as an ArrayBuffer-like Buffer of its own; a Node Buffer is what it reads.
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return { chunks: parts.length, sheet: workbook.worksheets[0]! };
}

describe('XLSX export', () => {
  let tessera: Tessera;

  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('xlsx', blueprint(), 'test');
    const records = Array.from({ length: rows }, (_, n) => ({ title: `deal ${n}`, n }));
    records[0] = {
      title: '=HYPERLINK("http://evil.example","x")', n: 0, amount: '1234.50', rate: 12.5, won: true, due: '2026-02-03',
      seen_at: '2026-01-31T17:30:00Z', stage: 'open', tags: ['a', 'b'], phone: '+8613800000001',
    } as never;
    await bulkWrite(await tessera.system('xlsx', 'seed'), 'deals', 'create', records);
  }, 120_000);
  afterAll(async () => tessera?.close());

  it('streams every row in chunks, under headers in the request language', async () => {
    const { chunks, sheet } = await exported(tessera, 'zh-CN');
    expect(sheet.name).toBe('商机');
    expect(sheet.rowCount).toBe(rows + 1);
    expect(chunks).toBeGreaterThan(5);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['ID', '创建时间']);
    expect(header).toContain('标题');
    expect(sheet.getRow(rows + 1).getCell(header.indexOf('标题')).value).toBe(`deal ${rows - 1}`);
    const english = await exported(tessera, 'en', { filter: JSON.stringify({ field: 'n', op: 'lt', value: 2 }) });
    expect(english.sheet.name).toBe('Deals');
    expect(english.sheet.getRow(1).values).toContain('Title');
    expect(english.sheet.rowCount).toBe(3);
  });

  it('types the cells: numbers, money with its decimals, percents, dates, local times, options by label; text never a formula', async () => {
    const { sheet } = await exported(tessera, 'zh-CN', { filter: JSON.stringify({ field: 'n', op: 'eq', value: 0 }) });
    const header = sheet.getRow(1).values as unknown[];
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name));
    expect(cell('标题').value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(cell('标题').type).toBe(ExcelJS.ValueType.String);
    expect(cell('标题').formula).toBeUndefined();
    expect(cell('n').value).toBe(0);
    expect(cell('amount').value).toBe(1234.5);
    expect(cell('amount').numFmt).toBe('#,##0.00');
    expect(cell('rate').value).toBe(0.125);
    expect(cell('won').value).toBe('是');
    expect(cell('due').value).toEqual(new Date(Date.UTC(2026, 1, 3)));
    // 17:30 UTC is 01:30 the next day in Shanghai: the sheet shows the workspace's time.
    expect(cell('seen_at').value).toEqual(new Date(Date.UTC(2026, 1, 1, 1, 30)));
    expect(cell('stage').value).toBe('进行中');
    expect(cell('tags').value).toBe('甲; 乙');
    expect(cell('phone').value).toBe('+8613800000001');
    const english = await exported(tessera, 'en', { filter: JSON.stringify({ field: 'n', op: 'eq', value: 0 }) });
    const englishHeader = english.sheet.getRow(1).values as unknown[];
    expect(english.sheet.getRow(2).getCell(englishHeader.indexOf('won')).value).toBe('Yes');
    expect(english.sheet.getRow(2).getCell(englishHeader.indexOf('tags')).value).toBe('A; B');
  });

  it('is refused before any byte for a bad filter or an unknown object', async () => {
    const context = await tessera.system('xlsx', 'test');
    await expect(exportRecords(context, 'deals', { filter: '{' }, 'xlsx').next()).rejects.toMatchObject({ code: 'INVALID_FILTER' });
    await expect(exportRecords(context, 'nothing', {}, 'xlsx').next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportRecords(context, 'deals', {}, 'xls' as never).next()).rejects.toMatchObject({ code: 'INVALID_QUERY', messages: { en: 'Invalid query: format must be csv, jsonl or xlsx' } });
  });
});
