import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../packages/studio/src/i18n/formatters.js';
import { displayValue } from '../packages/studio/src/records/display-value.js';
import { choose, selectedText } from './antd-select.js';
import type { ApiHarness } from './api-harness.js';
import { saveScreenshot } from './screenshots.js';
import { openStudioBrowser, watchStudio, type StudioBrowser } from './studio-browser.js';

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


/** The customers list of the studio at a URL's search part, once its heading shows the count. */
async function openCustomers(search: string, count: number): Promise<void> {
  await page.goto(`${api.url}/w/default/records/customers${search}`);
  await waitForHeading(2, `客户 共 ${count} 条`);
}

/** The rows of the records table. */
const tableRows = () => page.getByRole('table').locator('tbody tr.ant-table-row');

/** The record ids of the rows shown, from their title links. */
async function shownIds(): Promise<string[]> {
  const links = await tableRows().locator('a[href^="/w/default/records/customers/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
  return links.map((href) => href.split('/').at(-1)!);
}

/** How many customers the API lists with these parameters. */
async function countOf(params: Record<string, string>): Promise<number> {
  const { status, body } = await api.request('GET', `/api/w/default/data/customers?${new URLSearchParams({ ...params, count: 'true', limit: '1' })}`);
  expect(status).toBe(200);
  return body.page.total;
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

  watchStudio(() => studio);

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
    await saveScreenshot(page, 'records-list');
    const rows = await page.getByRole('table').locator('tbody tr.ant-table-row').all();
    const shown = await Promise.all(rows.map(async (row) => (await row.getByRole('cell').allTextContents()).slice(first, first + fields.length)));
    const expected = (body.data as Record<string, unknown>[]).map((record) => fields.map((field) => cellText(field!, record[field!.name])));
    expect(shown).toHaveLength(customers);
    expect(shown).toEqual(expected);
  });

  it('opens a list painted by the server, then its own table from the same answers, asking only for the total', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const asked: string[] = [];
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
    });
    let html = '';
    try {
      const response = await page.goto(`${api.url}/w/default/records/customers`);
      html = await response!.text();
      await waitForHeading(2, `客户 共 ${customers} 条`);
    } finally {
      await cdp.detach();
    }
    const first = await api.request('GET', '/api/w/default/data/customers?limit=50');
    // The rows were in the HTML, inert until the studio replaced them with its own table.
    expect(html).toContain('<div data-first-paint="" inert="" aria-hidden="true">');
    expect(html).toContain(first.body.data[0].name as string);
    expect(await page.locator('[data-first-paint]').count()).toBe(0);
    expect(await shownIds()).toEqual(first.body.data.map((record: { id: string }) => record.id));
    // Session, model and first page came with the page: the studio asked only for the count.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\/api\/w\/default\/data\/customers\?.*limit=1.*count=true/);
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

  it('pages through the records by keyset cursor, 20 a page, and back', async () => {
    await openCustomers('?size=20', customers);
    const first = await api.request('GET', '/api/w/default/data/customers?limit=20');
    const second = await api.request('GET', `/api/w/default/data/customers?limit=20&cursor=${encodeURIComponent(first.body.page.next_cursor)}`);
    await page.getByText('第 1 页 · 第 1–20 条').waitFor();
    expect(await shownIds()).toEqual(first.body.data.map((record: { id: string }) => record.id));
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页 · 第 21–30 条').waitFor();
    expect(await shownIds()).toEqual(second.body.data.map((record: { id: string }) => record.id));
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '上一页' }).click();
    await page.getByText('第 1 页 · 第 1–20 条').waitFor();
    await waitForHeading(2, `客户 共 ${customers} 条`);
  });

  it('sorts on the server by a header click, and keeps the order in the URL', async () => {
    await openCustomers('', customers);
    await page.getByRole('columnheader', { name: '姓名' }).click();
    await page.waitForURL(/sort=name/);
    const sorted = await api.request('GET', '/api/w/default/data/customers?limit=50&sort=name');
    await expect.poll(shownIds).toEqual(sorted.body.data.map((record: { id: string }) => record.id));
    await page.getByRole('columnheader', { name: '姓名' }).click();
    await page.waitForURL(/sort=-name/);
    const descending = await api.request('GET', '/api/w/default/data/customers?limit=50&sort=-name');
    await expect.poll(shownIds).toEqual(descending.body.data.map((record: { id: string }) => record.id));
  });

  it('filters with the builder and keeps the filter over a reload', async () => {
    const female = { field: 'gender', op: 'eq', value: 'female' };
    const females = await countOf({ filter: JSON.stringify(female) });
    await openCustomers('', customers);
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('button', { name: '添加条件', exact: true }).click();
    await choose(page, '字段', '性别');
    await choose(page, '值', '女');
    await page.getByRole('button', { name: /^应\s?用$/ }).click();
    await waitForHeading(2, `客户 共 ${females} 条`);
    expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).toEqual(female);
    await page.reload();
    await waitForHeading(2, `客户 共 ${females} 条`);
  });

  it('filters by a related record picked by its title, and shows that title again from the link', async () => {
    const level = (await api.request('GET', '/api/w/default/data/member_levels?limit=1&sort=-name')).body.data[0] as { id: string; name: string };
    const condition = { field: 'member_level', op: 'eq', value: level.id };
    const count = await countOf({ filter: JSON.stringify(condition) });
    await openCustomers('', customers);
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('button', { name: '添加条件', exact: true }).click();
    await choose(page, '字段', '会员等级', '会员等级');
    await choose(page, '值', level.name);
    await page.getByRole('button', { name: /^应\s?用$/ }).click();
    await waitForHeading(2, `客户 共 ${count} 条`);
    expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).toEqual(condition);
    await page.reload();
    await waitForHeading(2, `客户 共 ${count} 条`);
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => selectedText(page.getByRole('combobox', { name: '值', exact: true }))).toBe(level.name);
  });

  it('reads a filter from a shared link, and says so when it cannot', async () => {
    const rich = { and: [{ field: 'points_balance', op: 'between', value: [0, 100000] }, { not: { field: 'phone', op: 'is_null' } }] };
    await openCustomers(`?filter=${encodeURIComponent(JSON.stringify(rich))}`, await countOf({ filter: JSON.stringify(rich) }));
    await openCustomers(`?filter=${encodeURIComponent('{not json')}`, customers);
    await page.getByRole('alert').filter({ hasText: 'filter' }).waitFor();
  });

  it('finds records with the quick search', async () => {
    const { body } = await api.request('GET', '/api/w/default/data/customers?limit=1');
    const name = body.data[0].name as string;
    await openCustomers('', customers);
    await page.getByRole('searchbox', { name: '快速搜索' }).fill(name);
    await page.getByRole('searchbox', { name: '快速搜索' }).press('Enter');
    await waitForHeading(2, `客户 共 ${await countOf({ search: name })} 条`);
    expect(new URL(page.url()).searchParams.get('q')).toBe(name);
  });

  it('opens a view of the blueprint with its columns, filter and relation titles, and saves it as a view of one\'s own', async () => {
    const vip = { field: 'member_level.code', op: 'in', value: ['gold', 'diamond'] };
    const vips = await countOf({ filter: JSON.stringify(vip) });
    await openCustomers('', customers);
    await choose(page, '视图', '金卡及以上会员');
    await waitForHeading(2, `客户 共 ${vips} 条`);
    expect(new URL(page.url()).searchParams.get('view')).toBe('vip_customers');
    const headers = (await page.getByRole('table').getByRole('columnheader').allTextContents()).filter((header) => header !== '' && header !== '操作');
    expect(headers).toEqual(['会员编号', '姓名', '手机号', '会员等级', '累计消费', '订单数', '最近下单时间']);
    const { body } = await api.request('GET', `/api/w/default/data/customers?limit=1&sort=-total_spent&include=member_level&filter=${encodeURIComponent(JSON.stringify(vip))}`);
    if (body.data[0]) await tableRows().first().getByRole('link', { name: body.data[0].member_level.name, exact: true }).waitFor();

    await page.getByRole('button', { name: '保存视图' }).click();
    await page.getByRole('textbox', { name: '视图名称' }).fill('我的金卡会员');
    const [created] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/saved-views')),
      page.getByRole('button', { name: /^保\s?存$/ }).click(),
    ]);
    expect(created.status()).toBe(201);
    const id = (await created.json()).data.id as string;
    await page.waitForURL((url) => url.searchParams.get('view') === `saved:${id}`);
    await page.reload();
    await waitForHeading(2, `客户 共 ${vips} 条`);
    await page.getByRole('button', { name: '删除视图' }).click();
    await page.getByRole('button', { name: /^删\s?除$/ }).click();
    await waitForHeading(2, `客户 共 ${customers} 条`);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect((await api.request('GET', '/api/w/default/saved-views?object=customers')).body.data).toEqual([]);
  });

  it('edits the selected rows in bulk and reports the count', async () => {
    await openCustomers('', customers);
    for (const row of await tableRows().all().then((rows) => rows.slice(0, 2))) await row.getByRole('checkbox').check();
    await page.getByText('已选 2 条').waitFor();
    // The records the table marks as selected: what the bulk edit sends, whatever order the rows came in.
    const ids = (await page.locator('tbody tr.ant-table-row-selected a[href^="/w/default/records/customers/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!))).map((href) => href.split('/').at(-1)!);
    expect(ids).toHaveLength(2);
    await page.getByRole('button', { name: '批量修改' }).click();
    await choose(page, '字段', '城市');
    await page.getByRole('textbox', { name: '新值' }).fill('测试市');
    const sent = page.waitForRequest((request) => request.url().endsWith('/data/customers/bulk'));
    await page.getByRole('button', { name: /^执\s?行$/ }).click();
    const body = (await sent).postDataJSON() as { mode: string; records: { id: string; city: string }[] };
    expect({ mode: body.mode, ids: body.records.map((record) => record.id).sort(), cities: body.records.map((record) => record.city) }).toEqual({ mode: 'update', ids: [...ids].sort(), cities: ['测试市', '测试市'] });
    await page.getByRole('status').filter({ hasText: '已修改 2 条记录。' }).waitFor();
    for (const id of ids) expect((await api.request('GET', `/api/w/default/data/customers/${id}`)).body.data.city).toBe('测试市');
  });

  it('exports the list as CSV', async () => {
    await openCustomers('', customers);
    await page.getByRole('button', { name: '导出' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    const text = await readFile((await file.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['code', 'name', 'gender']));
    expect(lines).toHaveLength(customers + 1);

    await page.getByRole('button', { name: '导出' }).click();
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 Excel（xlsx）' }).click()]);
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    // An xlsx file is a zip archive.
    expect((await readFile((await workbook.path())!)).subarray(0, 2).toString()).toBe('PK');
  });

  it('adds a tag to the selected rows, keeping the tags they have', async () => {
    const tag = (await api.request('GET', '/api/w/default/data/tags?limit=1&sort=name')).body.data[0] as { id: string; name: string };
    await openCustomers('', customers);
    const ids = (await shownIds()).slice(0, 2);
    const tagsOf = async (id: string) => ((await api.request('GET', `/api/w/default/data/customers/${id}?include=tags`)).body.data.tags as { id: string }[]).map((linked) => linked.id);
    const before = await Promise.all(ids.map(tagsOf));
    const tagged = before.filter((linked) => !linked.includes(tag.id)).length;
    for (const row of await tableRows().all().then((rows) => rows.slice(0, 2))) await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量添加标签' }).click();
    // The tag picker loads its options from the API: choose again while a slow answer left nothing chosen.
    const execute = page.getByRole('button', { name: /^执\s?行$/ });
    for (let attempt = 0; attempt < 4 && !(await execute.isEnabled()); attempt += 1) {
      await choose(page, '标签', tag.name);
      await execute.waitFor();
      if (!(await execute.isEnabled())) await page.waitForTimeout(1_000);
    }
    await execute.click();
    await page.getByRole('status').filter({ hasText: `已为 ${tagged} 条记录添加标签。` }).waitFor();
    for (const [index, id] of ids.entries()) expect((await tagsOf(id)).sort()).toEqual([...new Set([...before[index]!, tag.id])].sort());
  });

  it('puts a moved card back and offers a reload when the record changed meanwhile', async () => {
    const female = { field: 'gender', op: 'eq', value: 'female' };
    const { body } = await api.request('GET', `/api/w/default/data/customers?limit=1&filter=${encodeURIComponent(JSON.stringify(female))}`);
    const card = body.data[0] as { id: string; name: string };
    await openCustomers('?layout=kanban', customers);
    const cardIn = (lane: string) => page.getByRole('region', { name: lane, exact: true }).getByRole('article').filter({ has: page.locator(`a[href$="/${card.id}"]`) });
    await cardIn('女').waitFor();
    expect((await api.request('PATCH', `/api/w/default/data/customers/${card.id}`, { city: '别处改过' })).status).toBe(200);
    studio!.expected.add(`409 PATCH /api/w/default/data/customers/${card.id}`);
    await cardIn('女').getByRole('button', { name: `移动“${card.name}”到…` }).click();
    await page.getByRole('menuitem', { name: '未知', exact: true }).click();
    const conflict = page.getByRole('dialog').filter({ hasText: '记录已被修改' });
    await conflict.waitFor();
    await cardIn('女').waitFor();
    expect(await cardIn('未知').count()).toBe(0);
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await cardIn('女').waitFor();
    expect((await api.request('GET', `/api/w/default/data/customers/${card.id}`)).body.data.gender).toBe('female');
  });

  it('deletes the selected rows after a confirmation naming their count', async () => {
    await openCustomers('', customers);
    const [id] = await shownIds();
    await tableRows().first().getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量删除' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '删除 1 条记录？' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /^删\s?除$/ }).click();
    await page.getByRole('status').filter({ hasText: '已删除 1 条记录。' }).waitFor();
    await waitForHeading(2, `客户 共 ${customers - 1} 条`);
    expect((await api.request('GET', `/api/w/default/data/customers/${id}`)).status).toBe(404);
    expect((await api.request('POST', `/api/w/default/data/customers/${id}/restore`)).status).toBe(200);
  });

  it('shows a kanban by gender and moves a card to another lane', async () => {
    const male = { field: 'gender', op: 'eq', value: 'male' };
    const { body } = await api.request('GET', `/api/w/default/data/customers?limit=1&filter=${encodeURIComponent(JSON.stringify(male))}`);
    const card = body.data[0] as { id: string; name: string };
    await openCustomers('', customers);
    await page.getByTitle('看板', { exact: true }).click();
    await waitForHeading(2, `客户 共 ${customers} 条`);
    await page.getByRole('heading', { level: 3, name: '男', exact: true }).waitFor();
    const lane = (name: string) => page.getByRole('region', { name, exact: true });
    const cardIn = (name: string) => lane(name).getByRole('article').filter({ has: page.locator(`a[href$="/${card.id}"]`) });
    await cardIn('男').getByRole('button', { name: `移动“${card.name}”到…` }).click();
    const [patched] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().endsWith(`/customers/${card.id}`)),
      page.getByRole('menuitem', { name: '女', exact: true }).click(),
    ]);
    expect(patched.status()).toBe(200);
    await cardIn('女').waitFor();
    expect(await cardIn('男').count()).toBe(0);
    expect((await api.request('GET', `/api/w/default/data/customers/${card.id}`)).body.data.gender).toBe('female');
    expect(new URL(page.url()).searchParams.get('layout')).toBe('kanban');
    await saveScreenshot(page, 'kanban');
  });

  it('shows a customer at a glance: profile, figures, identities, orders and the rest of the 360', async () => {
    const { body } = await api.request('GET', '/api/w/default/data/customers?limit=1&sort=-orders_count');
    const customer = body.data[0] as { id: string; name: string; orders_count: number };
    const orders = await api.request('GET', `/api/w/default/data/orders?limit=5&sort=-ordered_at&count=true&filter=${encodeURIComponent(JSON.stringify({ field: 'customer', op: 'eq', value: customer.id }))}`);
    expect(orders.body.page.total).toBeGreaterThan(0);
    await page.goto(`${api.url}/w/default/records/customers/${customer.id}`);
    await page.getByRole('heading', { level: 2, name: customer.name }).waitFor();
    for (const block of ['客户资料', '关键指标', '渠道身份', '标签', '最近订单', '互动记录', '待办任务', '积分流水', '优惠券']) {
      await page.getByRole('heading', { level: 3, name: block, exact: true }).first().waitFor();
    }
    // The latest order the API lists for this customer is on the page, by its number.
    const latest = orders.body.data[0] as { order_no: string };
    await page.getByText(latest.order_no, { exact: true }).first().waitFor();
    await saveScreenshot(page, 'record-360');
  });
});
