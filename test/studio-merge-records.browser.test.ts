import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiHarness } from './api-harness.js';
import { saveScreenshot } from './screenshots.js';
import { openStudioBrowser, watchStudio, type StudioBrowser } from './studio-browser.js';

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
const data = '/api/w/default/data';

/** Stores a record through the API and answers it. */
async function create(object: string, values: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await api.request('POST', `${data}/${object}`, values);
  if (answer.status !== 201) throw new Error(`creating ${object} ${JSON.stringify(values)} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.data as Record<string, any>;
}

// One person stored twice: signed up at the counter, then again on the mini program with another phone.
const first = { name: '林晓梅', phone: '+8613911110001', district: '徐汇区', notes: '老会员' };
const second = { name: '林晓梅', phone: '+8613911110002', district: '徐汇区', notes: '门店登记：偏好周末到店' };

let firstId: string;
let secondId: string;
let orderId: string;

/** The customers list searched for the two 林晓梅, once both rows show. */
async function openBoth(): Promise<void> {
  await page.goto(`${api.url}/w/default/records/customers?q=${encodeURIComponent('林晓梅')}`);
  await page.getByRole('heading', { level: 2, name: '客户 共 2 条', exact: true }).waitFor();
}

/** The row of a record in the list, by its title link. */
const rowOf = (id: string) => page.getByRole('table').locator('tbody tr.ant-table-row').filter({ has: page.locator(`a[href="/w/default/records/customers/${id}"]`) });

describe('merging two selected records from the list', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(20);
    ({ api, page } = studio);
    firstId = (await create('customers', first)).id as string;
    secondId = (await create('customers', second)).id as string;
    // An order of the second record: it must follow the merge to the survivor.
    orderId = (await create('orders', {
      order_no: 'MERGE-0001', customer: secondId, channel: 'wechat', status: 'paid', ordered_at: '2025-03-01T10:00:00Z', amount: '128.00',
    })).id as string;
    const signedIn = await page.request.post(`${api.url}/api/auth/sign-in`, { data: { email: api.admin.email, password: api.admin.password } });
    expect(signedIn.status()).toBe(200);
  });
  watchStudio(() => studio);

  it('offers no merge for one selected row', async () => {
    await openBoth();
    await rowOf(firstId).getByRole('checkbox').check();
    const toolbar = page.getByRole('toolbar', { name: '批量操作' });
    await toolbar.getByText('已选 1 条').waitFor();
    await toolbar.getByRole('button', { name: '批量删除' }).waitFor();
    await expect(toolbar.getByRole('button', { name: /^合\s?并$/ }).count()).resolves.toBe(0);
  });

  it('compares the two records, keeps the older one with the other\'s notes, moves the order and trashes the other', async () => {
    await openBoth();
    // The newer record selected first: it shows on the left, yet the older one is kept by default.
    await rowOf(secondId).getByRole('checkbox').check();
    await rowOf(firstId).getByRole('checkbox').check();
    const toolbar = page.getByRole('toolbar', { name: '批量操作' });
    await toolbar.getByText('已选 2 条').waitFor();
    await toolbar.getByRole('button', { name: /^合\s?并$/ }).click();

    const dialog = page.getByRole('dialog', { name: '合并两条记录' });
    const notes = dialog.getByRole('row').filter({ has: page.getByRole('cell', { name: '备注', exact: true }) });
    await notes.waitFor();
    const heads = dialog.getByRole('columnheader');
    await expect(heads.nth(1).getByRole('link', { name: '林晓梅' }).getAttribute('href')).resolves.toBe(`/w/default/records/customers/${secondId}`);
    await expect(heads.nth(2).getByRole('link', { name: '林晓梅' }).getAttribute('href')).resolves.toBe(`/w/default/records/customers/${firstId}`);
    await expect(dialog.getByRole('radio', { name: '保留右边的记录' }).isChecked()).resolves.toBe(true);
    await expect(heads.nth(2).textContent()).resolves.toContain('保留的记录');
    await expect(heads.nth(1).textContent()).resolves.toContain('合并后移入回收站');
    await dialog.getByText('它的所有关联（包括').waitFor();
    // The phones differ but are personal: masked, so neither can be picked until revealed.
    const phone = dialog.getByRole('row').filter({ has: page.getByRole('cell', { name: '手机号', exact: true }) });
    await expect(phone.getByRole('radio', { name: '手机号：保留左边的值' }).isDisabled()).resolves.toBe(true);
    await expect(phone.getByRole('radio', { name: '手机号：保留右边的值' }).isDisabled()).resolves.toBe(true);
    // A computed field is shown but never picked.
    await expect(dialog.getByRole('radio', { name: /^会员编号：/ }).count()).resolves.toBe(0);

    await dialog.getByRole('radio', { name: '保留右边的记录' }).check();
    await notes.getByRole('radio', { name: '备注：保留左边的值' }).check();
    await saveScreenshot(page, 'records-merge');

    const [request, response] = await Promise.all([
      page.waitForRequest((sent) => sent.method() === 'POST' && sent.url().endsWith('/data/customers/merge')),
      page.waitForResponse((answer) => answer.request().method() === 'POST' && answer.url().endsWith('/data/customers/merge')),
      dialog.getByRole('button', { name: /^合\s?并$/ }).click(),
    ]);
    expect(request.postDataJSON()).toEqual({ survivor: firstId, loser: secondId, values: { notes: second.notes } });
    expect(response.status()).toBe(200);
    const relinked = (await response.json()).data.relinked as Record<string, number>;
    expect(relinked['orders.customer']).toBe(1);
    const moved = Object.values(relinked).reduce((sum, count) => sum + count, 0);
    await page.getByRole('status').filter({ hasText: `已合并两条记录，${moved} 条关联记录已转到保留的记录。` }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The list read again, the selection cleared.
    await page.getByRole('heading', { level: 2, name: '客户 共 1 条', exact: true }).waitFor();
    await expect(page.getByRole('toolbar', { name: '批量操作' }).count()).resolves.toBe(0);

    expect((await api.request('GET', `${data}/customers/${secondId}`)).status).toBe(404);
    const kept = await api.request('GET', `${data}/customers/${firstId}`);
    expect(kept.status).toBe(200);
    expect(kept.body.data).toMatchObject({ name: '林晓梅', district: '徐汇区', notes: second.notes });
    const order = await api.request('GET', `${data}/orders/${orderId}`);
    expect(order.body.data.customer).toBe(firstId);
  });
});
