import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerId, startStudioWorld, type StudioWorld } from './studio-data-fixtures.js';

/** XLSX export over HTTP: the file, per role and language, and refusals as plain JSON errors. */

/** The part of exceljs read here (a dependency of core, not of the test root). */
interface Cell { value: unknown; type: number; formula?: string }
interface Sheet { name: string; rowCount: number; getRow(n: number): { values: unknown[]; getCell(n: number): Cell } }
interface ExcelModule { Workbook: new () => { xlsx: { load(buffer: Buffer): Promise<unknown> }; worksheets: Sheet[] }; ValueType: { String: number } }
const ExcelJS = createRequire(new URL('../packages/core/package.json', import.meta.url))('exceljs') as ExcelModule;

let world: StudioWorld;
const base = '/api/w/crm/data/customer/export?format=xlsx&sort=name';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  world = await startStudioWorld();
}, 120_000);
afterAll(async () => world?.harness.close());

/** An API key of a caller's user, to read an answer's bytes (the callers' own client reads text). */
async function tokenOf(who: keyof StudioWorld['callers']): Promise<string> {
  const caller = world.callers[who];
  const principal = { kind: 'user' as const, userId: caller.userId, label: caller.email, platformAdmin: false };
  return (await world.tessera.accounts.createApiKey(principal, { name: 'xlsx', scopes: ['records:read', 'records:export', 'records:reveal'] })).token;
}

/** Downloads an export as `who` and opens it. */
async function download(who: keyof StudioWorld['callers'], query = '', language?: string): Promise<{ response: Response; sheet: Sheet; header: unknown[] }> {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenOf(who)}`, ...(language ? { 'accept-language': language } : {}) };
  const response = await fetch(`${world.harness.url}${base}${query}`, { headers });
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()));
  const sheet = workbook.worksheets[0]!;
  return { response, sheet, header: sheet.getRow(1).values };
}

/** The row of one record. */
function rowNumberOf(sheet: Sheet, header: unknown[], id: string): number {
  for (let n = 2; n <= sheet.rowCount; n += 1) if (sheet.getRow(n).getCell(header.indexOf('ID')).value === id) return n;
  throw new Error(`no row for ${id}`);
}

/** The cells of one record's row, by header. */
function rowOf(sheet: Sheet, header: unknown[], id: string): Record<string, unknown> {
  const row = sheet.getRow(rowNumberOf(sheet, header, id));
  return Object.fromEntries(header.slice(1).map((name, index) => [String(name), row.getCell(index + 1).value]));
}

describe('XLSX export over HTTP', () => {
  it('answers a typed workbook named after the object and the date, with Chinese headers by default, audited', async () => {
    const { response, sheet, header } = await download('admin');
    expect(response.headers.get('content-type')).toBe(xlsxType);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="customer-${new Date().toISOString().slice(0, 10)}.xlsx"`);
    expect(sheet.name).toBe('客户');
    expect(sheet.rowCount).toBe(6);
    expect(header).toEqual(expect.arrayContaining(['ID', '创建时间', '姓名', '负责人', 'credit_limit', 'mobile']));
    // The admin role has the reveal action: plain personal values, as in the CSV export.
    expect(rowOf(sheet, header, customerId(1))).toMatchObject({ 姓名: '张三', phone: '+8613800000001', mobile: '+8613900000001', credit_limit: 1000, vip: null });
    const { rows } = await world.tessera.database.knex.raw(`SELECT details FROM ws_crm._audit WHERE action = 'record.export' ORDER BY id DESC LIMIT 1`);
    expect((rows as { details: { format: string } }[])[0]!.details.format).toBe('xlsx');
  });

  it('speaks English when asked', async () => {
    const { sheet, header } = await download('admin', '', 'en-US,en;q=0.9');
    expect(sheet.name).toBe('Customer');
    expect(header).toEqual(expect.arrayContaining(['ID', 'Created at', 'Name', 'Owner']));
  });

  it('holds only the rows and fields of the caller\'s role, personal values masked without reveal', async () => {
    const { sheet, header } = await download('regional');
    expect(sheet.rowCount).toBe(4);
    expect(header).not.toContain('credit_limit');
    expect(rowOf(sheet, header, customerId(1))).toMatchObject({ 姓名: '张三', phone: '138****0001', email: 'Z***@Example.com' });
  });

  it('writes text that looks like a formula as text', async () => {
    const created = await world.callers.admin.request('POST', '/api/w/crm/data/customer', { name: '=cmd|\' /C calc\'!A0', region: '@SUM(1)' });
    expect(created.status).toBe(201);
    const { sheet, header } = await download('admin');
    const row = sheet.getRow(rowNumberOf(sheet, header, created.body.data.id as string));
    const name = row.getCell(header.indexOf('姓名'));
    expect([name.value, name.type, name.formula]).toEqual(["=cmd|' /C calc'!A0", ExcelJS.ValueType.String, undefined]);
    expect(row.getCell(header.indexOf('region')).value).toBe('@SUM(1)');
    expect((await world.callers.admin.request('DELETE', `/api/w/crm/data/customer/${created.body.data.id as string}`)).status).toBe(200);
  });

  it('refuses as a plain JSON error: no export action, a bad filter, a hidden field, an unknown format, another workspace', async () => {
    const cases: [keyof StudioWorld['callers'], string, number, string][] = [
      ['s1', base, 403, 'FORBIDDEN'],
      ['reader', base, 403, 'FORBIDDEN'],
      ['admin', `${base}&filter=${encodeURIComponent('{"field":"name","op":"like","value":"%"}')}`, 400, 'INVALID_FILTER'],
      ['regional', `${base}&fields=name,credit_limit`, 403, 'FIELD_FORBIDDEN'],
      ['admin', '/api/w/crm/data/customer/export?format=xls', 400, 'INVALID_QUERY'],
      ['admin', '/api/w/other/data/customer/export?format=xlsx', 404, 'NOT_FOUND'],
    ];
    for (const [who, path, status, code] of cases) {
      const answer = await world.callers[who].request('GET', path);
      expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('content-disposition')).toBeNull();
    }
  });
});
