import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, createRecord, putMembership } from '../packages/core/src/index.js';
import { choose } from './antd-select.js';
import type { ApiHarness } from './api-harness.js';
import { openStudioBrowser, watchStudio, type StudioBrowser } from './studio-browser.js';

// Few enough that the studio's first page (50 rows) shows every customer.
const customers = 5;
const password = 'privacy browser test password';
/** A customer of the test, owned by nobody: in the pool (公海) the built-in sales role reads. */
const person = { name: '隐私测试客户', phone: '+8613900071234', email: 'privacy.subject@example.com' };
const maskedPhone = '139****1234';
/** A Chinese mobile number as the server masks it. */
const masked = /^1\d{2}\*{4}\d{4}$/;

interface Member { email: string; role: string }
const sales: Member = { email: 'sales@privacy.test', role: 'sales' };
const readOnly: Member = { email: 'read-only@privacy.test', role: 'read_only' };
const admin: Member = { email: 'admin@privacy.test', role: 'admin' };

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
let customerId: string;

/**
 * Signs a member in through the sign-in page, in a session of their own (the cookies of whoever
 * used the page before dropped, the studio loaded again), and opens the customers list with the
 * test's customer in it.
 */
async function signInToCustomers(member: Member): Promise<void> {
  studio!.expected.add('401 GET /api/auth/session');
  await page.context().clearCookies();
  await page.goto(api.url);
  await page.getByRole('heading', { level: 1, name: '登录 Tessera', exact: true }).waitFor();
  await page.getByLabel('邮箱').fill(member.email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /^客户 共 \d+ 条$/ }).waitFor();
  await customerRow().waitFor();
}

/** The test customer's row in the records table. */
const customerRow = () => page.getByRole('table').locator('tbody tr.ant-table-row').filter({ hasText: person.name });

/** The text of every row's cell in the column headed `header`. */
async function columnTexts(header: string): Promise<string[]> {
  const index = (await page.getByRole('table').getByRole('columnheader').allTextContents()).indexOf(header);
  expect(index, `a column ${header}`).toBeGreaterThanOrEqual(0);
  return page.getByRole('table').locator('tbody tr.ant-table-row').locator(`td:nth-child(${index + 1})`).allTextContents();
}

describe('personal data in the studio: masking, reveal, audit and a person\'s requests', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(customers);
    ({ api, page } = studio);
    const created = await createRecord(await api.tessera.system('default', 'the privacy browser test\'s customer'), 'customers', person);
    expect(created.owner_id).toBeNull();
    customerId = String(created.id);
    const workspace = await api.tessera.workspace('default');
    for (const member of [sales, readOnly, admin]) {
      const user = await api.tessera.accounts.createUser(asSystem('test'), { email: member.email, name: member.role, password });
      await putMembership(api.tessera.database.knex, { userId: user.id, workspaceId: workspace.id, role: member.role, teams: [], regions: [] });
    }
    api.tessera.access.forget();
  });

  watchStudio(() => studio);

  it('shows sales every phone masked, and the test customer\'s in full after a click on reveal', async () => {
    await signInToCustomers(sales);
    const listed = (await api.request('GET', '/api/w/default/data/customers?limit=50')).body.data as { phone: string | null }[];
    const phones = (await columnTexts('手机号')).filter(Boolean);
    expect(phones).toHaveLength(listed.filter((customer) => customer.phone).length);
    expect(phones.length).toBeGreaterThan(1);
    expect(phones.filter((phone) => !masked.test(phone))).toEqual([]);
    const row = customerRow();
    await row.getByRole('cell', { name: maskedPhone, exact: true }).waitFor();
    expect(await row.getByRole('cell', { name: 'p***@example.com', exact: true }).count()).toBe(1);
    expect(await page.getByText(person.phone).count()).toBe(0);

    const [revealed] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/api/w/default/data/customers/${customerId}/reveal`)),
      row.getByRole('button', { name: '显示明文', exact: true }).click(),
    ]);
    expect(revealed.status()).toBe(200);
    await row.getByRole('cell', { name: person.phone, exact: true }).waitFor();
    await row.getByRole('cell', { name: person.email, exact: true }).waitFor();
    expect(await row.getByRole('cell', { name: maskedPhone, exact: true }).count()).toBe(0);
    expect(await row.getByRole('button', { name: '显示明文', exact: true }).count()).toBe(0);
    // Only that row was revealed: the other customers stay masked.
    expect((await columnTexts('手机号')).filter((phone) => phone && !masked.test(phone))).toEqual([person.phone]);
  });

  it('shows read_only the phone masked and no reveal button', async () => {
    await signInToCustomers(readOnly);
    const row = customerRow();
    await row.getByRole('cell', { name: maskedPhone, exact: true }).waitFor();
    expect(await page.getByText(person.phone).count()).toBe(0);
    expect(await page.getByRole('button', { name: '显示明文' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '操作', exact: true }).count()).toBe(0);
    expect((await columnTexts('手机号')).filter((phone) => phone && !masked.test(phone))).toEqual([]);
  });

  it('shows the reveal in the audit log the workspace admin reads', async () => {
    await signInToCustomers(admin);
    await page.getByRole('navigation').getByRole('link', { name: '审计日志', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '审计日志', exact: true }).waitFor();
    await page.getByLabel('记录', { exact: true }).fill(customerId);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const reveal = page.getByRole('row').filter({ has: page.getByTitle('record.reveal', { exact: true }) });
    await reveal.waitFor();
    expect(await reveal.count()).toBe(1);
    await reveal.getByRole('cell', { name: sales.email, exact: true }).waitFor();
    await reveal.getByRole('cell', { name: `客户 #${customerId}`, exact: true }).waitFor();
    expect(await reveal.getByText('查看明文', { exact: true }).count()).toBe(1);
    // The log holds no personal value, the one revealed included.
    expect(await page.getByText(person.phone).count()).toBe(0);
  });

  it('keeps the values revealed on the record page in its details tab', async () => {
    await signInToCustomers(sales);
    await page.goto(`${api.url}/w/default/records/customers/${customerId}`);
    const phone = page.getByRole('tabpanel').getByRole('group', { name: '手机号', exact: true });
    await phone.filter({ hasText: maskedPhone }).waitFor();
    await page.getByRole('button', { name: '显示明文', exact: true }).click();
    await phone.filter({ hasText: person.phone }).waitFor();
    expect(await page.getByRole('tabpanel').getByText(maskedPhone, { exact: true }).count()).toBe(0);
    // The next test goes on as the workspace admin.
    await signInToCustomers(admin);
  });

  it('records a consent, downloads the export and erases the customer on the admin\'s privacy page', async () => {
    // Still signed in as the workspace admin, from the audit log.
    await page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }).click();
    await customerRow().getByRole('link', { name: '隐私', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `个人信息与隐私 客户 #${customerId}`, exact: true }).waitFor();

    const consents = page.getByRole('table');
    await consents.getByRole('img', { name: '暂无数据' }).waitFor();
    await choose(page, '渠道', '短信');
    await choose(page, '用途', '营销');
    await choose(page, '状态', '已同意');
    const [recorded] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/customers/${customerId}/consents`)),
      page.getByRole('button', { name: '记 录', exact: true }).click(),
    ]);
    expect(recorded.status()).toBe(201);
    const consent = consents.getByRole('row').filter({ hasText: '短信' });
    await consent.waitFor();
    expect((await consent.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['短信', '营销', '已同意', 'studio']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 JSON', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^customers-${customerId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, any>;
    expect(exported).toMatchObject({ subject: { object: 'customers', id: customerId }, record: { name: person.name, phone: person.phone, email: person.email } });
    expect(exported.consents.data).toEqual([expect.objectContaining({ channel: 'sms', purpose: 'marketing', status: 'granted' })]);

    await page.getByRole('button', { name: '删除个人数据', exact: true }).click();
    // Not getByRole('dialog', { name }): in the studio test/build-studio.ts builds under vitest (NODE_ENV=test),
    // antd gives every generated id the value `test-id`, so the dialog's aria-labelledby points at another element.
    const dialog = page.getByRole('dialog').filter({ hasText: '确认删除个人数据' });
    const confirm = dialog.getByRole('button', { name: '删除个人数据', exact: true });
    await dialog.getByText('此操作不可撤销。请输入“永久删除”确认。', { exact: true }).waitFor();
    await dialog.getByLabel('确认词').fill('删除');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('确认词').fill('永久删除');
    const [erased] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/customers/${customerId}/erase`)),
      confirm.click(),
    ]);
    expect(erased.status()).toBe(200);
    await page.getByRole('alert').filter({ hasText: '个人数据已匿名化。' }).first().waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const read = await api.request('GET', `/api/w/default/data/customers/${customerId}`);
    expect(read.status).toBe(200);
    expect(read.body.data.phone).toBeNull();
    const revealedAfter = await api.request('POST', `/api/w/default/data/customers/${customerId}/reveal`);
    expect(revealedAfter.status).toBe(200);
    expect(revealedAfter.body.data).toMatchObject({ phone: null });
    expect(revealedAfter.body.data.email).not.toBe(person.email);
    expect(revealedAfter.body.data.name).not.toBe(person.name);
  });
});
