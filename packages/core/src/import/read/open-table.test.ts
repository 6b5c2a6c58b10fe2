import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable, type TableOptions } from './open-table.js';
import { maxRowCharacters } from './csv-rows.js';

let dir: string;
const file = (name: string) => join(dir, name);

async function readAll(path: string, options: TableOptions = {}) {
  const table = await openTable(path, options);
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return { info: table.info, rows };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-read-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('CSV', () => {
  it('reads GBK as saved by Excel on Chinese Windows, with a title row, quotes, newlines and blank rows', async () => {
    await writeFile(file('gbk.csv'), iconv.encode('客户名单（2024）\r\n姓名,手机,备注\r\n张三,13812345678,"多行\r\n备注,含逗号和""引号"""\r\n\r\n李四,+86 139 1234 5678,\r\n', 'gbk'));
    const { info, rows } = await readAll(file('gbk.csv'));
    expect(info).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', headers: ['姓名', '手机', '备注'], headerRow: 2 });
    expect(rows).toEqual([
      { number: 3, cells: ['张三', '13812345678', '多行\r\n备注,含逗号和"引号"'] },
      { number: 5, cells: ['李四', '+86 139 1234 5678', ''] },
    ]);
  });

  it('reads UTF-8 with a BOM, UTF-16 (Excel\'s "Unicode text") and the delimiter in use', async () => {
    await writeFile(file('bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('名称;数量\n苹果;3\n', 'utf8')]));
    expect(await readAll(file('bom.csv'))).toMatchObject({ info: { encoding: 'utf-8', delimiter: ';', headers: ['名称', '数量'] }, rows: [{ cells: ['苹果', '3'] }] });
    await writeFile(file('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t数量\r\n梨\t5\r\n', 'utf16le')]));
    expect(await readAll(file('utf16.txt'))).toMatchObject({ info: { encoding: 'utf-16le', delimiter: '\t', headers: ['名称', '数量'] }, rows: [{ cells: ['梨', '5'] }] });
  });

  it('names unnamed and repeated columns', async () => {
    await writeFile(file('names.csv'), 'a,,a,b\n1,2,3,4\n');
    expect((await readAll(file('names.csv'), { language: 'en' })).info.headers).toEqual(['a', 'a (2)', 'a (3)', 'b']);
    await writeFile(file('blank-first.csv'), ',x\n1,2\n');
    expect((await readAll(file('blank-first.csv'), { language: 'zh-CN' })).info.headers).toEqual(['第1列', 'x']);
  });

  it.each([
    ['empty', Buffer.alloc(0), 'IMPORT_EMPTY_FILE'],
    ['blank lines only', Buffer.from('\n\n  \n'), 'IMPORT_EMPTY_FILE'],
    ['a header only', Buffer.from('姓名,手机\n'), 'IMPORT_NO_DATA_ROWS'],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)), 'IMPORT_NOT_TEXT'],
    ['an old .xls workbook', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'IMPORT_UNSUPPORTED_FORMAT'],
    ['an unclosed quote', Buffer.from('a,b\n1,"2\n3,4\n'), 'IMPORT_MALFORMED_CSV'],
  ])('refuses %s with a clear error', async (name, content, code) => {
    await writeFile(file(`${name}.csv`), content);
    await expect(readAll(file(`${name}.csv`))).rejects.toMatchObject({ code });
  });

  it('stops at a row longer than the limit instead of filling the memory', async () => {
    await writeFile(file('long.csv'), `a,b\n1,${'x'.repeat(maxRowCharacters + 10)}\n`);
    await expect(readAll(file('long.csv'))).rejects.toMatchObject({ code: 'IMPORT_ROW_TOO_LONG', params: { row: 2 } });
  });
});

describe('XLSX', () => {
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('说明');
    notes.addRow(['这一页不是数据']);
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['2024 年客户名单']);
    sheet.mergeCells('A1:E1');
    sheet.addRow(['姓名', '基本信息', '', '联系方式', '']);
    sheet.addRow(['', '性别', '生日', '手机', '邮箱']);
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:C2');
    sheet.mergeCells('D2:E2');
    sheet.addRow(['张三', '男', new Date(Date.UTC(1990, 2, 5)), 13812345678, { text: 'zs@163.com', hyperlink: 'mailto:zs@163.com' }]);
    sheet.addRow(['李四', '女', '1991/4/6', '13912345678', { formula: 'LOWER("LS@QQ.COM")', result: 'ls@qq.com' }]);
    sheet.addRow([{ richText: [{ text: '王' }, { text: '五' }] }, null, 0.1 + 0.2, '', '']);
    await workbook.xlsx.writeFile(file('book.xlsx'));
  });

  it('reads the chosen sheet with a merged title, merged group headers, dates, numbers, links and formulas', async () => {
    const { info, rows } = await readAll(file('book.xlsx'), { sheet: '客户' });
    expect(info).toMatchObject({ format: 'xlsx', headers: ['姓名', '性别', '生日', '手机', '邮箱'], headerRow: 3 });
    expect(info.sheets).toEqual(['说明', '客户']);
    expect(rows.map((row) => row.cells)).toEqual([
      ['张三', '男', '1990-03-05', '13812345678', 'zs@163.com'],
      ['李四', '女', '1991/4/6', '13912345678', 'ls@qq.com'],
      ['王五', '', '0.3'],
    ]);
    expect(rows[0]!.number).toBe(4);
  });

  it('lists the sheets of a workbook LibreOffice wrote', async () => {
    const table = await openTable(fileURLToPath(new URL('../../../test/fixtures/messy-customers.libreoffice.xlsx', import.meta.url)));
    await table.rows.return(undefined);
    expect(table.info.sheets).toEqual(['messy-customers']);
  });

  it('takes a sheet by position, the first by default', async () => {
    expect((await readAll(file('book.xlsx'), { sheet: 2 })).info.headers[0]).toBe('姓名');
    await expect(readAll(file('book.xlsx'))).rejects.toMatchObject({ code: 'IMPORT_NO_DATA_ROWS', details: { sheets: ['说明', '客户'] } });
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    await expect(readAll(file('book.xlsx'), { sheet: '订单' })).rejects.toMatchObject({ code: 'IMPORT_UNKNOWN_SHEET', params: { sheet: '订单', sheets: '说明, 客户' }, details: { sheets: ['说明', '客户'] } });
  });

  it('keeps every Chinese character of a large workbook whole (exceljs cut characters at chunk ends: patches/exceljs@4.4.0.patch)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['姓名', '地址']);
    const rows = Array.from({ length: 3_000 }, (_, index) => [`客户${index}号张三丰`, `浙江省杭州市西湖区文三路${index}号东风大厦`]);
    for (const row of rows) sheet.addRow(row);
    await workbook.xlsx.writeFile(file('chinese.xlsx'));
    const read = await readAll(file('chinese.xlsx'));
    expect(read.rows.map((row) => row.cells)).toEqual(rows);
  });

  it('refuses a damaged workbook', async () => {
    await writeFile(file('broken.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]));
    await expect(readAll(file('broken.xlsx'))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE_XLSX' });
  });
});
