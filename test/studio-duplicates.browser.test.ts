import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './antd-select.js';
import type { ApiHarness } from './api-harness.js';
import { saveScreenshot } from './screenshots.js';
import { openStudioBrowser, signInAsAdmin, watchStudio, type StudioBrowser } from './studio-browser.js';

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
const data = '/api/w/default/data/customers';

/** Stores a customer through the API and answers it. */
async function createCustomer(values: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await api.request('POST', data, values);
  if (answer.status !== 201) throw new Error(`creating ${JSON.stringify(values)} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.data as Record<string, any>;
}

/** A stored customer with its personal values in plain text (the reveal answers those only). */
async function revealed(id: string): Promise<Record<string, any>> {
  const [record, personal] = [await api.request('GET', `${data}/${id}`), await api.request('POST', `${data}/${id}/reveal`, {})];
  expect([record.status, personal.status]).toEqual([200, 200]);
  return { ...record.body.data, ...personal.body.data } as Record<string, any>;
}

async function pairsOf(filter: string): Promise<Record<string, any>[]> {
  const answer = await api.request('GET', `/api/w/default/duplicates?object=customers&${filter}`);
  expect(answer.status).toBe(200);
  return answer.body.data.items as Record<string, any>[];
}

// A stored customer, and a file row of the same person with the flat written differently:
// the addresses are 80 % alike (2 characters of 10), between the review score and the threshold.
const stored = { name: '周建国', district: '朝阳区', address: '建国路100号院3栋' };
const csv = '客户名称,手机号,地址,备注\n周建国,13900000001,建国路100号院5楼,从展会名单导入\n赵敏,13900000002,光华路8号,展会新客户\n';
// Two stored customers of one name whose street numbers differ by a typo (86 % alike).
const first = { name: '林晓梅', district: '徐汇区', address: '漕溪北路88号', notes: '老会员' };
const second = { name: '林晓梅', district: '徐汇区', address: '漕溪北路89号', notes: '门店登记' };

let importId: string;
let storedId: string;
let firstId: string;
let secondId: string;

describe('the duplicates review queue in the studio', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(20);
    ({ api, page } = studio);
    storedId = (await createCustomer(stored)).id as string;
    firstId = (await createCustomer(first)).id as string;
    secondId = (await createCustomer(second)).id as string;
    const uploaded = await fetch(`${api.url}/api/w/default/imports/files?object=customers&name=${encodeURIComponent('展会名单.csv')}`, {
      method: 'POST', body: csv, headers: { authorization: api.authorization, 'content-type': 'text/csv' },
    });
    expect(uploaded.status).toBe(201);
    const { fileId } = ((await uploaded.json()) as { data: { fileId: string } }).data;
    const mapping = {
      fields: { name: { from: '客户名称' }, phone: { from: '手机号' }, address: { from: '地址' }, notes: { from: '备注' } },
      clean: { addresses: false },
      match: { on: [['phone']], action: 'merge', fuzzy: { block: ['name'], compare: { address: 1 } } },
    };
    const started = await api.request('POST', '/api/w/default/imports', { fileId, object: 'customers', mapping });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    importId = started.body.data.id as string;
    let summary: Record<string, any> = started.body.data;
    for (let attempt = 0; attempt < 300 && ['queued', 'running'].includes(summary.status as string); attempt += 1) {
      await new Promise((done) => setTimeout(done, 100));
      summary = (await api.request('GET', `/api/w/default/imports/${importId}`)).body.data as Record<string, any>;
    }
    // One row became a record; the other waits for a person.
    expect(summary).toMatchObject({ status: 'done', counts: { read: 2, created: 1, review: 1, merged: 0 } });

    await signInAsAdmin(studio);
    await page.getByRole('navigation').getByRole('link', { name: '重复数据', exact: true }).waitFor();
  });
  watchStudio(() => studio);

  it('goes from the import to its row in review, shows both sides compared, and merges the row into the record', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '导入', exact: true }).click();
    await page.getByRole('link', { name: '展会名单.csv' }).click();
    const review = page.getByTestId('import-review');
    await expect.poll(() => review.locator('.ant-statistic-content-value').textContent()).toBe('1');
    await review.getByRole('link', { name: '处理待审核的疑似重复' }).click();
    await page.waitForURL((url) => url.pathname === '/w/default/duplicates' && url.searchParams.get('importId') === importId && url.searchParams.get('object') === 'customers');
    await page.getByText('仅显示这次导入的疑似重复').waitFor();

    const card = page.getByRole('article').filter({ hasText: '导入 展会名单.csv 第 2 行' });
    await card.waitFor();
    await expect(card.getByText('相似度 80%').isVisible()).resolves.toBe(true);
    // The compared field: orange (below 90 %), both values side by side; the candidate links to its page.
    const address = card.getByRole('row').filter({ has: page.getByRole('cell', { name: '详细地址', exact: true }) });
    await expect(address.locator('[data-likeness]').getAttribute('data-likeness')).resolves.toBe('different');
    await expect(address.locator('[data-likeness]').textContent()).resolves.toBe('80%');
    // The address is personal: masked on both sides until revealed (the file's row through the queue, the record through its own reveal).
    await expect(address.textContent()).resolves.toMatch(/^详细地址\s*建\*+.*建\*+$/);
    await card.getByRole('button', { name: '显示明文' }).last().click();
    await expect.poll(() => address.textContent()).toMatch(/建\*+.*建国路100号院3栋$/);
    await card.getByRole('button', { name: '显示明文' }).first().click();
    await expect.poll(() => address.textContent()).toMatch(/建国路100号院5楼.*建国路100号院3栋$/);
    await expect(card.getByRole('link', { name: '周建国' }).getAttribute('href')).resolves.toBe(`/w/default/records/customers/${storedId}`);
    await saveScreenshot(page, 'duplicates-queue');

    await card.getByRole('button', { name: '合并到该记录' }).click();
    await page.getByText('没有待处理的疑似重复。').waitFor();
    await page.getByText('已合并', { exact: true }).first().waitFor();

    const [resolved] = await pairsOf(`importId=${importId}&status=resolved`);
    expect(resolved).toMatchObject({ source: 'import', rowNumber: 2, status: 'merged', resultId: storedId });
    expect(await pairsOf(`importId=${importId}&status=pending`)).toEqual([]);
    // Merged by the import's rules (fill empty fields): the stored address stays, the phone and notes are filled.
    const record = await revealed(storedId);
    expect(record).toMatchObject({ name: '周建国', address: '建国路100号院3栋', phone: '+8613900000001', notes: '从展会名单导入' });
    const summary = (await api.request('GET', `/api/w/default/imports/${importId}`)).body.data as Record<string, any>;
    expect(summary.counts).toMatchObject({ read: 2, created: 1, merged: 1, review: 0 });

    await page.getByRole('tab', { name: '已处理' }).click();
    await page.getByRole('article').filter({ hasText: '导入 展会名单.csv 第 2 行' }).getByText('已合并').waitFor();
  });

  it('finds the near-duplicate records with a dedupe run started from the panel, and follows its progress', async () => {
    await page.getByRole('tab', { name: '查找重复' }).click();
    await page.getByRole('switch', { name: /按相似度查找疑似重复/ }).click();
    // The suggested rule groups by district; group by name instead (the compared fields stay name ×2, street ×1).
    const block = page.getByRole('combobox', { name: '分组字段（必须完全相同）' });
    await block.click();
    await block.press('Backspace');
    await pickOption(page, '姓名');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('switch', { name: /按相似度查找疑似重复/ }).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: '开始查找' }).click();

    const run = page.getByTestId('dedupe-run');
    await run.getByText('已完成', { exact: true }).waitFor({ timeout: 60_000 });
    const runs = (await api.request('GET', '/api/w/default/dedupe-runs?object=customers')).body.data as Record<string, any>[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', rule: { fuzzy: { block: ['name'], compare: { name: 2, address: 1 } } } });
    expect(runs[0]!.pairs).toBeGreaterThanOrEqual(1);
    await run.getByText(`已检查 ${runs[0]!.recordsDone} / ${runs[0]!.recordsTotal} 条记录`).waitFor();
    await run.getByText(`找到 ${runs[0]!.pairs} 对疑似重复`).waitFor();
    // The past runs list it too.
    await page.getByRole('row').filter({ hasText: '相似：按 姓名 分组' }).getByText('已完成').waitFor();
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 2, name: '重复数据' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'duplicates-run');
  });

  it('merges the pair found, keeping the chosen record and one value of the other, and deletes the other', async () => {
    await page.getByRole('button', { name: /^查看找到的 \d+ 对疑似重复$/ }).click();
    await page.getByText('仅显示这次查找到的疑似重复').waitFor();
    const runId = new URL(page.url()).searchParams.get('runId')!;
    const pair = (await pairsOf(`runId=${runId}&status=pending`)).find((item) => item.record?.name === '林晓梅');
    expect(pair, 'the run found the two 林晓梅').toBeDefined();
    const left = pair!.record as Record<string, any>;
    const right = pair!.candidate as Record<string, any>;
    expect([left.id, right.id].sort()).toEqual([firstId, secondId].sort());
    const kept = left.id === firstId ? first : second;
    const lost = left.id === firstId ? second : first;

    const card = page.getByRole('article').filter({ hasText: '林晓梅' });
    await card.getByRole('radio', { name: '保留左边的记录' }).check();
    await card.getByRole('switch', { name: '逐字段选择保留的值' }).click();
    await card.getByRole('radio', { name: '备注：保留右边的值' }).check();
    await card.getByRole('button', { name: /^合 ?并$/ }).click();
    await card.waitFor({ state: 'detached' });

    const [merged] = await pairsOf(`runId=${runId}&status=resolved`);
    expect(merged).toMatchObject({ id: pair!.id, status: 'merged', resultId: left.id });
    expect(await revealed(left.id as string)).toMatchObject({ name: '林晓梅', address: kept.address, district: '徐汇区', notes: lost.notes });
    expect((await api.request('GET', `${data}/${right.id as string}`)).status).toBe(404);
  });

  it('sets a likeness rule in the import wizard: the preview is asked with mapping.match.fuzzy and sends the doubtful row to review', async () => {
    await page.goto(`${api.url}/w/default/imports/new?object=customers`);
    await page.getByRole('heading', { level: 2, name: '导入客户' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '第二份名单.csv', mimeType: 'text/csv', buffer: Buffer.from('客户名称,手机号,地址,备注\n周建国,13900000009,建国路88号,第二份名单\n') });
    await page.getByText(/已识别：CSV/).waitFor();
    await page.getByRole('button', { name: '数据清洗 →' }).click();
    await page.getByRole('button', { name: '重复处理 →' }).click();
    await page.getByRole('switch', { name: /按相似度查找疑似重复/ }).click();
    // The suggested rule: grouped by name (no place field is mapped), comparing the street. Compare the name too, weighing double.
    type Sent = { mapping: { fields: Record<string, unknown>; match: { fuzzy?: { block: string[]; compare: Record<string, number> } } } };
    const previewed = page.waitForRequest((request) => request.url().includes('/imports/preview') && (request.postDataJSON() as Sent).mapping.match.fuzzy?.compare.name === 2);
    await page.getByRole('combobox', { name: '比较字段' }).click();
    await pickOption(page, '姓名');
    await page.keyboard.press('Escape');
    await page.getByRole('spinbutton', { name: '姓名 的权重' }).fill('2');
    const sent = (await previewed).postDataJSON() as Sent;
    expect(sent.mapping.match.fuzzy).toEqual({ block: ['name'], compare: { address: 1, name: 2 } });
    expect(Object.keys(sent.mapping.fields)).toEqual(expect.arrayContaining(['name', 'address']));
    await page.getByRole('button', { name: '预览确认 →' }).click();
    await page.getByText(/前 1 行的处理结果/).waitFor();
    // Name alike, street 40 % alike: (2 × 1 + 0.4) / 3 = 80 %, between the review score and the threshold.
    await expect.poll(() => page.getByRole('row').filter({ hasText: '建国路88号' }).locator('.ant-tag').first().textContent()).toBe('待审核');
  });
});
