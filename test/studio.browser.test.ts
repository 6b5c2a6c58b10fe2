import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../packages/studio/src/i18n/formatters.js';
import { displayValue } from '../packages/studio/src/records/display-value.js';
import type { ApiHarness } from './api-harness.js';
import { openStudioBrowser, type StudioBrowser } from './studio-browser.js';

type Locale = 'zh-CN' | 'en';
type Field = Parameters<typeof displayValue>[0];
interface ObjectDocument { name: string; label: Record<Locale, string>; fields: (Field & { label: Record<Locale, string> })[] }

// Few enough that the studio's first page (50 rows) shows every customer.
const customers = 30;

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
let objects: ObjectDocument[];

const yesNo = { 'common.yes': '是', 'common.no': '否' } as Record<string, string>;
const translate = ((key: string) => yesNo[key] ?? key) as unknown as Parameters<typeof displayValue>[3];

/** How the studio prints a value in a table cell in zh-CN: dates, numbers and money through Intl, options by label. */
function cellText(field: Field, value: unknown): string {
  return displayValue(field, value, formatters('zh-CN'), translate);
}

/** The objects' links in the studio's left menu (under Records). */
function objectLinks(): Promise<string[]> {
  return page.getByRole('navigation').locator('a[href^="/w/default/records/"]').allTextContents();
}

async function waitForHeading(level: 1 | 2, name: string): Promise<void> {
  await page.getByRole('heading', { level, name, exact: true }).waitFor();
}

describe('studio in a real browser', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(customers);
    ({ api, page } = studio);
    objects = studio.objects as ObjectDocument[];
    // The studio calls the API with the session cookie: sign in from the page's own context first,
    // so the browser holds the cookie (the studio's sign-in page has its own test, studio-accounts).
    const signedIn = await page.request.post(`${api.url}/api/auth/sign-in`, { data: { email: api.admin.email, password: api.admin.password } });
    expect(signedIn.status()).toBe(200);
    await page.goto(api.url);
  });

  afterEach(() => {
    expect(studio!.problems.splice(0), 'console errors or failed requests').toEqual([]);
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('lists the objects of the workspace with their zh-CN labels', async () => {
    await waitForHeading(1, 'Tessera 工作台');
    const last = objects.at(-1)?.label['zh-CN'] ?? 'no objects';
    await page.getByRole('navigation').getByRole('link', { name: last, exact: true }).waitFor();
    expect(objects.length).toBeGreaterThan(5);
    expect(await objectLinks()).toEqual(objects.map((candidate) => candidate.label['zh-CN']));
  });

  it('opens a table of the records the API returns', async () => {
    const object = objects.find((candidate) => candidate.name === 'customers');
    await page.getByRole('link', { name: '客户', exact: true }).click();
    await waitForHeading(2, `客户 共 ${customers} 条`);
    const { status, body } = await api.request('GET', '/api/w/default/data/customers?limit=50&count=true');
    expect(status).toBe(200);
    expect(body.page.total).toBe(customers);

    // The field columns, after the row selection's column (no text); an actions column (reveal, privacy) may follow them.
    const all = await page.getByRole('table').getByRole('columnheader').allTextContents();
    const first = all.findIndex((header) => header !== '');
    const headers = all.filter((header) => header !== '' && header !== '操作');
    const fields = headers.map((header) => object?.fields.find((field) => field.label['zh-CN'] === header));
    expect(headers.length).toBeGreaterThan(2);
    expect(fields).not.toContain(undefined);
    const rows = await page.getByRole('table').locator('tbody tr.ant-table-row').all();
    const shown = await Promise.all(rows.map(async (row) => (await row.getByRole('cell').allTextContents()).slice(first, first + fields.length)));
    const expected = (body.data as Record<string, unknown>[]).map((record) => fields.map((field) => cellText(field!, record[field!.name])));
    expect(shown).toHaveLength(customers);
    expect(shown).toEqual(expected);
  });

  it('switches the labels between zh-CN and en', async () => {
    const object = objects.find((candidate) => candidate.name === 'customers');
    const zhHeaders = await page.getByRole('table').getByRole('columnheader').allTextContents();
    const enHeaders = zhHeaders.map((header) => (header === '' ? '' : header === '操作' ? 'Actions' : object?.fields.find((field) => field.label['zh-CN'] === header)?.label.en));

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await waitForHeading(1, 'Tessera studio');
    await waitForHeading(2, `Customers ${customers} in all`);
    expect(await objectLinks()).toEqual(objects.map((candidate) => candidate.label.en));
    expect(await page.getByRole('table').getByRole('columnheader').allTextContents()).toEqual(enHeaders);
    expect(await page.getByRole('link', { name: 'API document', exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: '中文', exact: true }).click();
    await waitForHeading(1, 'Tessera 工作台');
    await waitForHeading(2, `客户 共 ${customers} 条`);
    expect(await objectLinks()).toEqual(objects.map((candidate) => candidate.label['zh-CN']));
    expect(await page.getByRole('table').getByRole('columnheader').allTextContents()).toEqual(zhHeaders);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});
