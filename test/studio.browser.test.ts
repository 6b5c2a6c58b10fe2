import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { templateBlueprint } from '../packages/server/src/templates.js';
import { sampleData } from '../templates/retail/sample-data.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { buildStudio } from './build-studio.js';
import { launchChromium } from './launch-chromium.js';

type Locale = 'zh-CN' | 'en';
interface ObjectDocument { name: string; label: Record<Locale, string>; fields: { name: string; label: Record<Locale, string> }[] }

// Few enough that the studio's first page (50 rows) shows every customer.
const customers = 30;

let studioDir: string | undefined;
let api: ApiHarness | undefined;
let browser: Browser | undefined;
let page: Page;
let objects: ObjectDocument[];
const problems: string[] = [];

/** How the studio prints a value in a table cell. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function objectLinks(listName: string): Promise<string[]> {
  return page.getByRole('list', { name: listName, exact: true }).getByRole('link').allTextContents();
}

async function waitForHeading(level: 1 | 2, name: string): Promise<void> {
  await page.getByRole('heading', { level, name, exact: true }).waitFor();
}

describe('studio in a real browser', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    studioDir = await buildStudio();
    api = await startApiHarness({ studioDir });
    await api.tessera.createWorkspace('default', await templateBlueprint('retail'), 'test');
    const context = await api.tessera.system('default', 'test');
    for (const batch of sampleData({ customers })) await bulkWrite(context, batch.object, 'create', batch.records);
    objects = (await api.request('GET', '/api/w/default/blueprint')).body.blueprint.objects as ObjectDocument[];
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`); });
    // The studio calls the API with the session cookie: sign in from the page's own context first,
    // so the browser holds the cookie (a sign-in page of the studio's own comes later).
    const signedIn = await page.request.post(`${api.url}/api/auth/sign-in`, { data: { email: api.admin.email, password: api.admin.password } });
    expect(signedIn.status()).toBe(200);
    await page.goto(api.url);
  });

  afterEach(() => {
    expect(problems.splice(0), 'console errors or failed requests').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (studioDir) await rm(studioDir, { recursive: true, force: true });
  });

  it('lists the objects of the workspace with their zh-CN labels', async () => {
    await waitForHeading(1, 'Tessera 工作台');
    const last = objects.at(-1)?.label['zh-CN'] ?? 'no objects';
    await page.getByRole('list', { name: '对象', exact: true }).getByRole('link', { name: last, exact: true }).waitFor();
    expect(objects.length).toBeGreaterThan(5);
    expect(await objectLinks('对象')).toEqual(objects.map((candidate) => candidate.label['zh-CN']));
  });

  it('opens a table of the records the API returns', async () => {
    const object = objects.find((candidate) => candidate.name === 'customers');
    await page.getByRole('link', { name: '客户', exact: true }).click();
    await waitForHeading(2, `客户 共 ${customers} 条`);
    const { status, body } = await api!.request('GET', '/api/w/default/data/customers?limit=50&count=true');
    expect(status).toBe(200);
    expect(body.page.total).toBe(customers);

    const headers = await page.getByRole('table').getByRole('columnheader').allTextContents();
    const fields = headers.map((header) => object?.fields.find((field) => field.label['zh-CN'] === header)?.name);
    expect(headers.length).toBeGreaterThan(2);
    expect(fields).not.toContain(undefined);
    const rows = await page.getByRole('table').locator('tbody tr').all();
    const shown = await Promise.all(rows.map((row) => row.getByRole('cell').allTextContents()));
    const expected = (body.data as Record<string, unknown>[]).map((record) => fields.map((field) => cellText(record[field!])));
    expect(shown).toHaveLength(customers);
    expect(shown).toEqual(expected);
  });

  it('switches the labels between zh-CN and en', async () => {
    const object = objects.find((candidate) => candidate.name === 'customers');
    const zhHeaders = await page.getByRole('table').getByRole('columnheader').allTextContents();
    const enHeaders = zhHeaders.map((header) => object?.fields.find((field) => field.label['zh-CN'] === header)?.label.en);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await waitForHeading(1, 'Tessera studio');
    await waitForHeading(2, `Customers ${customers} in all`);
    expect(await objectLinks('Objects')).toEqual(objects.map((candidate) => candidate.label.en));
    expect(await page.getByRole('table').getByRole('columnheader').allTextContents()).toEqual(enHeaders);
    expect(await page.getByRole('link', { name: 'API document', exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: '中文', exact: true }).click();
    await waitForHeading(1, 'Tessera 工作台');
    await waitForHeading(2, `客户 共 ${customers} 条`);
    expect(await objectLinks('对象')).toEqual(objects.map((candidate) => candidate.label['zh-CN']));
    expect(await page.getByRole('table').getByRole('columnheader').allTextContents()).toEqual(zhHeaders);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});
