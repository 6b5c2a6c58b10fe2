import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TesseraError } from '../packages/core/src/index.js';
import type { ApiHarness } from './api-harness.js';
import { openStudioBrowser, watchStudio, type StudioBrowser } from './studio-browser.js';

type Locale = 'zh-CN' | 'en';
interface ObjectDocument { name: string; label: Record<Locale, string>; fields: { name: string; label: Record<Locale, string>; type: string }[] }

const customers = 30;

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
let objects: ObjectDocument[];

/** A page's title: h2 under the studio's name (h1) in the shell; the sign-in page's own h1. */
const heading = (name: string, level = 2) => page.getByRole('heading', { level, name, exact: true });
const menuLink = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

describe('studio sign-in, shell, audit and roles in a real browser', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(customers);
    ({ api, page } = studio);
    objects = studio.objects as ObjectDocument[];
  });

  watchStudio(() => studio);

  it('sends a visitor to sign in and shows a wrong password in Chinese', async () => {
    studio!.expected.add('401 GET /api/auth/session');
    studio!.expected.add('401 POST /api/auth/sign-in');
    await page.goto(api.url);
    await heading('登录 Tessera', 1).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('邮箱').fill(api.admin.email);
    await page.getByLabel('密码').fill(`${api.admin.password}-wrong`);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByRole('alert').getByText(new TesseraError('INVALID_CREDENTIALS').messages['zh-CN'], { exact: true }).waitFor();
  });

  it('signs the admin in and shows the objects and the records of one', async () => {
    await page.getByLabel('密码').fill(api.admin.password);
    await page.getByRole('button', { name: '登 录' }).click();
    await menuLink(objects.at(-1)!.label['zh-CN']).waitFor();
    const links = await page.getByRole('navigation').getByRole('menu').first().getByRole('link').allTextContents();
    expect(links.slice(0, objects.length)).toEqual(objects.map((object) => object.label['zh-CN']));

    await menuLink('客户').click();
    await heading(`客户 共 ${customers} 条`).waitFor();
    const object = objects.find((candidate) => candidate.name === 'customers')!;
    const headers = await page.getByRole('table').getByRole('columnheader').allTextContents();
    const named = headers.filter((header) => object.fields.some((field) => field.label['zh-CN'] === header));
    expect(named.length).toBeGreaterThan(2);
    expect(await page.getByRole('table').locator('tbody tr.ant-table-row').count()).toBe(customers);
  });

  it('switches to English, and keeps English after a reload', async () => {
    const object = objects.find((candidate) => candidate.name === 'customers')!;
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading(`Customers ${customers} in all`).waitFor();
    await menuLink(object.label.en).waitFor();
    const headers = await page.getByRole('table').getByRole('columnheader').allTextContents();
    expect(headers.filter((header) => object.fields.some((field) => field.label.en === header)).length).toBeGreaterThan(2);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await heading(`Customers ${customers} in all`).waitFor();
    expect(await page.getByRole('button', { name: '中文', exact: true }).count()).toBe(1);
  });

  it('opens the audit log', async () => {
    await menuLink('Audit log').click();
    await heading('Audit log').waitFor();
    await page.getByRole('columnheader', { name: 'Changes', exact: true }).waitFor();
    // Seeding the workspace wrote one entry per record created, newest first.
    await page.getByRole('cell', { name: 'Record created', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: 'Record created', exact: true }).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('opens the roles and the permission matrix of a built-in role, read-only', async () => {
    await menuLink('Roles and permissions').click();
    await heading('Roles and permissions').waitFor();
    await page.getByRole('link', { name: 'Sales', exact: true }).click();
    await heading('Sales').waitFor();
    for (const action of ['Read', 'Create', 'Update', 'Delete', 'Export', 'Import', 'Reveal']) {
      await page.getByRole('columnheader', { name: action, exact: true }).waitFor();
    }
    const read = page.getByRole('checkbox', { name: 'Other objects (default) Read', exact: true });
    const remove = page.getByRole('checkbox', { name: 'Customers Delete', exact: true });
    expect(await read.isChecked()).toBe(true);
    expect(await remove.isChecked()).toBe(false);
    expect(await remove.isDisabled()).toBe(true);
    await page.getByText('Built-in roles cannot be changed', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Copy as new role' }).waitFor();
  });

  it('copies the built-in role as a new one and saves it (a cookie write carrying the CSRF token)', async () => {
    await page.getByRole('button', { name: 'Copy as new role' }).click();
    await heading('New role').waitFor();
    await page.getByPlaceholder('regional_sales').fill('east_sales');
    const remove = page.getByRole('checkbox', { name: 'Customers Delete', exact: true });
    await remove.check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await heading('Sales copy').waitFor();
    expect(new URL(page.url()).pathname).toBe('/w/default/roles/east_sales');
    const roles = (await api.request('GET', '/api/w/default/roles')).body.data as { name: string; document: Record<string, any> }[];
    const [saved, sales] = ['east_sales', 'sales'].map((name) => roles.find((role) => role.name === name)!.document);
    expect(saved!.objects.customers.actions).toContain('delete');
    expect(saved!.objects['*']).toEqual(sales!.objects['*']);
    expect(await remove.isChecked()).toBe(true);
    expect(await remove.isDisabled()).toBe(false);
  });
});
