import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, pickOption, selectedText } from './antd-select.js';
import type { ApiHarness } from './api-harness.js';
import { saveScreenshot } from './screenshots.js';
import { openStudioBrowser, signInAsAdmin, watchStudio, type StudioBrowser } from './studio-browser.js';

/** The part of exceljs written with here (a dependency of core, not of the test root). */
interface ExcelModule { Workbook: new () => { addWorksheet(name: string): { addRow(values: unknown[]): unknown }; xlsx: { writeFile(path: string): Promise<void> } } }
const ExcelJS = createRequire(new URL('../packages/core/package.json', import.meta.url))('exceljs') as ExcelModule;

interface Template { id: string; object: string; name: string; mapping: { fields: Record<string, { from?: string }> }; createdBy: string; updatedAt: string }

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
let folder: string;
let book: string;
const templatesPath = '/api/w/default/imports/templates?object=customers';
const previewFailed = '422 POST /api/w/default/imports/preview';
const customers = [['孙展一', '19955501001', 'sun1@expo.example'], ['钱展二', '19955501002', 'qian2@expo.example'], ['周展三', '19955501003', 'zhou3@expo.example']];

const fieldOf = (header: string) => page.getByRole('combobox', { name: `导入到字段: ${header}` });

async function templates(): Promise<Template[]> {
  const answer = await api.request('GET', templatesPath);
  expect(answer.status).toBe(200);
  return answer.body.data as Template[];
}

/** From the customers list to the wizard, the workbook uploaded: its first sheet holds no table, so the preview fails and another sheet is chosen. */
async function uploadBook(): Promise<void> {
  studio!.expected.add(previewFailed);
  await page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /^客户 共 \d+ 条$/ }).waitFor();
  await page.getByRole('button', { name: '导 入' }).or(page.getByRole('button', { name: '导入' })).click();
  await page.getByRole('heading', { level: 2, name: '导入客户' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(book);
  await page.getByRole('alert').filter({ hasText: '文件只有表头，没有数据行' }).waitFor();
  // The refusal names the workbook's sheets: another one is chosen from them, never typed.
  await page.getByText('这个工作表里没有表格数据，请选择其他工作表。').waitFor();
  await choose(page, '工作表', '客户');
  await expect.poll(() => selectedText(fieldOf('邮箱'))).toBe('邮箱');
}

describe('mapping templates and the sheets of a workbook in the import wizard', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(20);
    ({ api, page } = studio);
    folder = await mkdtemp(join(tmpdir(), 'tessera-import-templates-'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本工作簿是 2024 春季展会登记的客户，名单在“客户”表。']);
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['姓名', '手机', '邮箱']);
    for (const row of customers) sheet.addRow(row);
    book = join(folder, '展会客户.xlsx');
    await workbook.xlsx.writeFile(book);
    await signInAsAdmin(studio);
    await page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }).waitFor();
  });
  watchStudio(() => studio);
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('reads another sheet when the first holds no table, then offers the sheets of the workbook', async () => {
    await uploadBook();
    await expect.poll(() => selectedText(fieldOf('姓名'))).toBe('姓名');
    await expect.poll(() => selectedText(fieldOf('手机'))).toBe('手机号');
    await page.getByText(/已识别：XLSX，.*表头在第 1 行，共 3 列/).waitFor();
    // The sheets are known now: a choice among them, kept when the chosen one has no table.
    const picker = page.getByRole('combobox', { name: '工作表', exact: true });
    await expect.poll(() => selectedText(picker)).toBe('客户');
    await choose(page, '工作表', '说明');
    await page.getByRole('alert').filter({ hasText: '文件只有表头，没有数据行' }).waitFor();
    await expect(fieldOf('邮箱').count()).resolves.toBe(0);
    await page.getByText('这个工作表里没有表格数据，请选择其他工作表。').waitFor();
    await expect.poll(() => selectedText(picker)).toBe('说明');
    await picker.click();
    await page.locator('.ant-select-dropdown').filter({ visible: true }).getByTitle('客户', { exact: true }).waitFor();
    await saveScreenshot(page, 'import-sheet');
    await pickOption(page, '客户');
    await expect.poll(() => selectedText(fieldOf('邮箱'))).toBe('邮箱');
    await expect(page.getByRole('alert').filter({ hasText: '文件只有表头' }).count()).resolves.toBe(0);
  });

  it('saves the mapping as a template on the server, and choosing it puts the mapping back', async () => {
    await expect(templates()).resolves.toEqual([]);
    await page.getByRole('button', { name: '保存为模板' }).click();
    const dialog = page.getByRole('dialog', { name: '保存为映射模板' });
    await dialog.getByLabel('模板名称').fill('展会客户');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('已保存模板“展会客户”').waitFor();
    const [saved, ...others] = await templates();
    expect(others).toEqual([]);
    expect(saved).toMatchObject({ object: 'customers', name: '展会客户', createdBy: expect.any(String) as string });
    expect(saved!.mapping.fields).toEqual({ name: { from: '姓名' }, phone: { from: '手机' }, email: { from: '邮箱' } });
    await expect.poll(() => selectedText(page.getByRole('combobox', { name: '映射模板' }))).toBe('展会客户');

    await choose(page, '导入到字段: 邮箱', '不导入');
    await expect.poll(() => selectedText(fieldOf('邮箱'))).toBe('不导入');
    await page.getByRole('combobox', { name: '映射模板' }).click();
    const option = page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option').filter({ hasText: '展会客户' });
    await expect.poll(() => option.textContent()).toContain(`${saved!.createdBy} 保存于`);
    await saveScreenshot(page, 'import-templates');
    await pickOption(page, '展会客户');
    await page.getByText('已套用模板“展会客户”').waitFor();
    await expect.poll(() => selectedText(fieldOf('邮箱'))).toBe('邮箱');
    await expect.poll(() => selectedText(fieldOf('姓名'))).toBe('姓名');
    await expect.poll(() => selectedText(fieldOf('手机'))).toBe('手机号');

    // Saving under the name again replaces the template (same id), and the dialog says it will.
    await page.getByRole('button', { name: '保存为模板' }).click();
    await expect(dialog.getByLabel('模板名称').inputValue()).resolves.toBe('展会客户');
    await dialog.getByText('已有名为“展会客户”的模板，保存后会替换它。').waitFor();
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
  });

  it('imports the chosen sheet with the template mapping', async () => {
    await page.getByRole('button', { name: '数据清洗 →' }).click();
    await page.getByRole('button', { name: '重复处理 →' }).click();
    await page.getByRole('button', { name: '预览确认 →' }).click();
    await page.getByText(/前 3 行的处理结果/).waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByText('已完成', { exact: true }).waitFor({ timeout: 60_000 });
    const summary = (await api.request('GET', `/api/w/default/imports/${id}`)).body.data as { counts: Record<string, number> };
    expect(summary.counts).toMatchObject({ read: 3, created: 3, updated: 0, merged: 0, skipped: 0, rejected: 0 });
  });

  it('offers the template for the next file of the kind, and deletes it', async () => {
    await uploadBook();
    const [saved] = await templates();
    await page.getByRole('combobox', { name: '映射模板' }).click();
    await page.getByRole('button', { name: '删除模板 展会客户' }).click();
    await page.locator('.ant-popconfirm').filter({ hasText: '删除模板“展会客户”？' }).getByRole('button', { name: /^删\s?除$/ }).click();
    await page.getByText('已删除模板“展会客户”').waitFor();
    await expect(templates()).resolves.toEqual([]);
    // The mapping in the wizard is left as it was; deleting again answers 404.
    await expect.poll(() => selectedText(fieldOf('邮箱'))).toBe('邮箱');
    const again = await api.request('DELETE', `/api/w/default/imports/templates/${saved!.id}`);
    expect(again.status).toBe(404);
  });
});
