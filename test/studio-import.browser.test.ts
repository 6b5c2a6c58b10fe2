import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose } from './antd-select.js';
import { messyCsv, messyCustomers } from '../packages/core/test/messy-customers.js';
import type { ApiHarness } from './api-harness.js';
import { saveScreenshot } from './screenshots.js';
import { openStudioBrowser, signInAsAdmin, watchStudio, type StudioBrowser } from './studio-browser.js';

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
let folder: string;
let importId: string;
const messy = messyCustomers(31_337, 150);
// Row 4 of the file (the third data row) gets a phone number that cannot be one: the preview must mark it.
messy.rows[2]![1] = '12345';

describe('importing a file in the studio', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(20);
    ({ api, page } = studio);
    folder = await mkdtemp(join(tmpdir(), 'tessera-import-browser-'));
    await writeFile(join(folder, '客户名单.csv'), messyCsv(messy, 'gbk'));
    await signInAsAdmin(studio);
    await page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }).click();
    // The list of customers, not the list shown before it (each list has its own import button).
    await page.getByRole('heading', { level: 2, name: /^客户 共 \d+ 条$/ }).waitFor();
  });
  watchStudio(() => studio);
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('goes from the list to the wizard, uploads a GBK file and shows the suggested mapping', async () => {
    await page.getByRole('button', { name: '导 入' }).or(page.getByRole('button', { name: '导入' })).click();
    await page.getByRole('heading', { level: 2, name: '导入客户' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(join(folder, '客户名单.csv'));
    await page.getByText(/已识别：CSV，编码 gb18030，分隔符 ,，表头在第 1 行，共 9 列/).waitFor();
    const phoneRow = page.getByRole('row').filter({ has: page.getByText('手机号', { exact: true }) });
    await expect.poll(() => phoneRow.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toMatch(/手机/);
    await expect(page.getByText('常用同义词').first().isVisible()).resolves.toBe(true);
    // The address column also feeds the divisions its values start with.
    await page.getByText(/省份 ← 省份/).first().waitFor();
    await saveScreenshot(page, 'import-mapping');
  });

  it('previews the first rows with the broken cells marked, then runs the import to its summary', async () => {
    await page.getByRole('button', { name: '数据清洗 →' }).click();
    await page.getByText('手机号、座机号统一为国际格式（+86…）').waitFor();
    await page.getByRole('button', { name: '重复处理 →' }).click();
    await page.getByText('合并：按字段规则合并到已有记录').waitFor();
    // Survivorship by source: its settings appear with the rule, and it waits (a warning) until they are set.
    await choose(page, '合并规则: 备注', '以更可信的来源为准');
    await page.getByText('填写来源字段和来源可信度后，“以更可信的来源为准”才生效；之前这些字段按“只补空值”合并。').waitFor();
    await page.getByRole('combobox', { name: '来源字段' }).waitFor();
    await choose(page, '合并规则: 备注', '只补空值');
    await expect(page.getByRole('combobox', { name: '来源字段' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '预览确认 →' }).click();
    await page.getByText(/前 20 行的处理结果/).waitFor();
    const broken = page.locator('tr.import-row-rejected').filter({ has: page.getByRole('cell', { name: '4', exact: true }) });
    await expect.poll(() => broken.locator('[data-error="true"]').allTextContents()).toEqual(['12345']);
    await expect(broken.textContent()).resolves.toContain('“12345”不是有效的电话号码');
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    importId = page.url().split('/').pop()!;
    await page.getByText('已完成', { exact: true }).waitFor({ timeout: 60_000 });
    const summary = (await api.request('GET', `/api/w/default/imports/${importId}`)).body.data as { counts: Record<string, number> };
    expect(summary.counts.read).toBe(messy.rows.length);
    const shown = await page.getByTestId('import-counts').locator('.ant-statistic-content-value').allTextContents();
    expect(shown.map((text) => Number(text.replace(/,/g, '')))).toEqual(['read', 'created', 'updated', 'merged', 'skipped', 'rejected'].map((key) => summary.counts[key]));
    await page.getByRole('button', { name: '下载错误行（含原因）' }).waitFor();
    await page.getByText(api.admin.email).waitFor();
    await page.getByRole('heading', { level: 2 }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'import-summary');
  });

  it('lists the import, and undoes it', async () => {
    await page.getByRole('link', { name: '返回导入列表' }).click();
    await page.getByRole('link', { name: '客户名单.csv' }).click();
    await page.getByRole('button', { name: '撤销这次导入' }).click();
    await page.getByRole('button', { name: 'OK' }).or(page.getByRole('button', { name: '确 定' })).click();
    await page.getByText('已撤销', { exact: true }).first().waitFor();
    const after = (await api.request('GET', `/api/w/default/imports/${importId}`)).body.data as { status: string };
    expect(after.status).toBe('undone');
  });
});
