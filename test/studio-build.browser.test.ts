import type { Dialog, Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, labelled, selectedText } from './antd-select.js';
import type { ApiHarness } from './api-harness.js';
import { saveScreenshot } from './screenshots.js';
import { openStudioBrowser, watchStudio, type StudioBrowser } from './studio-browser.js';
import {
  addField, appliedBlueprint, buttonName, cancelReview, describedText, dragDownInto, fieldRows, recordRequests, reviewDialog, stepTexts,
  validationMessages, type NewField,
} from './studio-build-steps.js';

const customers = 5;
const visits = '/api/w/default/data/store_visits';

let studio: StudioBrowser | undefined;
let api: ApiHarness;
let page: Page;
/** The blueprint version that created 门店拜访, before its fields: the rollback goes back to it. */
let createdVersion = 0;
/** The record created through the record page. */
let recordId = '';

const heading = (name: string | RegExp, level = 2) => page.getByRole('heading', { level, name, exact: typeof name === 'string' });
const isPost = (path: string) => (response: Response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith(path);
const storeVisits = (blueprint: Record<string, any>): any => (blueprint.objects as Record<string, any>[]).find((object) => object.name === 'store_visits');

/** Clicks the button that sends the change to be planned and answers the plan's response. */
async function planBy(button: string): Promise<Response> {
  const [planned] = await Promise.all([page.waitForResponse(isPost('/blueprint/plan')), page.getByRole('button', { name: buttonName(button) }).click()]);
  return planned;
}

/** Opens a field of the object editor by its label, checks one of its boxes (必填, 唯一…) and puts the edit in the draft. */
async function checkInDraft(label: string, name: string, box: string): Promise<void> {
  await page.getByRole('button', { name: `编辑「${label}」` }).click();
  const drawer = page.getByRole('dialog', { name: `编辑字段 ${name}` });
  await drawer.getByRole('checkbox', { name: box }).check();
  await drawer.getByRole('button', { name: '放入草稿' }).click();
  await drawer.waitFor({ state: 'hidden' });
}

/** Applies the change under review and answers the new version once the dialog closed. */
async function applyReview(name = '变更预览'): Promise<number> {
  const [applied] = await Promise.all([page.waitForResponse((response) => isPost('/apply')(response) || isPost('/restore')(response)), reviewDialog(page, name).getByRole('button', { name: '应用变更' }).click()]);
  expect(applied.status()).toBe(200);
  const { version } = await applied.json();
  await page.getByText(`已应用，蓝图当前版本为 ${version}`).waitFor();
  await reviewDialog(page, name).waitFor({ state: 'hidden' });
  return version as number;
}

/**
 * Opens a page of the build menu (搭建), unfolding the menu when it is folded; the link is clicked
 * once the menu has finished unfolding (a click while it slides open can land elsewhere).
 */
async function openBuildPage(link: string): Promise<void> {
  const navigation = page.getByRole('navigation');
  const settled = navigation.locator('.ant-menu-sub:not(.ant-menu-hidden):not([class*="motion"])').getByRole('link', { name: link, exact: true });
  if (!(await settled.isVisible())) await navigation.getByRole('menuitem', { name: /^(搭建|Build)$/ }).click();
  await settled.click();
}

/**
 * Runs `steps` while answering the browser's leave prompts: the first is dismissed (stay), later
 * ones accepted (leave); `asked` holds their messages in order.
 */
async function answeringLeavePrompts(steps: (asked: string[]) => Promise<void>): Promise<void> {
  const asked: string[] = [];
  const answer = (dialog: Dialog) => {
    asked.push(dialog.message());
    void (asked.length === 1 ? dialog.dismiss() : dialog.accept());
  };
  page.on('dialog', answer);
  try {
    await steps(asked);
  } finally {
    page.off('dialog', answer);
  }
}

const fields: NewField[] = [
  { zh: '门店名称', en: 'Store', name: 'store', required: true, maxLength: 50 },
  { zh: '拜访类型', en: 'Visit type', name: 'visit_type', type: '单选', options: [['routine', '例行巡店', 'Routine'], ['training', '店员培训', 'Training'], ['complaint', '投诉处理', 'Complaint']] },
  { zh: '费用', en: 'Cost', name: 'cost', type: '金额', currency: 'CNY' },
  { zh: '拜访日期', en: 'Visit date', name: 'visit_date', type: '日期' },
  { zh: '客户', en: 'Customer', name: 'customer', type: '关联', target: '客户 (customers)' },
  // A default longer than the field allows: the server refuses the blueprint, not the studio.
  { zh: '备注', en: 'Note', name: 'note', maxLength: 4, defaultValue: '一个太长的默认值' },
];

describe('studio build mode in a real browser: an implementer\'s day', () => {
  beforeAll(async () => {
    studio = await openStudioBrowser(customers);
    ({ api, page } = studio);
    const signedIn = await page.request.post(`${api.url}/api/auth/sign-in`, { data: { email: api.admin.email, password: api.admin.password } });
    expect(signedIn.status()).toBe(200);
  });

  watchStudio(() => studio);

  it('refuses an API name in upper case at its input, and sends nothing', async () => {
    const before = await appliedBlueprint(api);
    await page.goto(`${api.url}/w/default/build/objects`);
    await heading(`对象与字段 蓝图版本 ${before.version}`).waitFor();
    // Opened by its URL, the page's menu group is unfolded, its entry marked.
    await page.getByRole('navigation').locator('.ant-menu-item-selected').getByRole('link', { name: '对象与字段', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建对象' }).click();
    const dialog = page.getByRole('dialog', { name: '新建对象' });
    await dialog.getByRole('textbox', { name: labelled('中文名称') }).fill('门店拜访');
    await dialog.getByRole('textbox', { name: labelled('英文名称') }).fill('Store visits');
    const name = dialog.getByRole('textbox', { name: labelled('API 名称') });
    await name.fill('StoreVisits');
    const sent = recordRequests(page, (request) => request.url().includes('/blueprint'));
    await dialog.getByRole('button', { name: '检查变更' }).click();
    await expect.poll(() => describedText(name)).toContain('以小写字母开头，只含小写字母、数字和下划线，最多 63 个字符');
    await dialog.getByRole('button', { name: '检查变更' }).click();
    sent.stop();
    expect(sent.sent).toEqual([]);
    expect(await reviewDialog(page).count()).toBe(0);
    expect((await appliedBlueprint(api)).version).toBe(before.version);
  });

  it('creates the object through the change review: its plan in words and classes, then Apply', async () => {
    const before = await appliedBlueprint(api);
    await page.getByRole('dialog', { name: '新建对象' }).getByRole('textbox', { name: labelled('API 名称') }).fill('store_visits');
    const { plan } = await (await planBy('检查变更')).json();
    expect(plan.steps.filter((step: any) => step.kind === 'create_object').map((step: any) => [step.class, step.object])).toEqual([['safe', 'store_visits']]);
    const review = reviewDialog(page);
    await review.getByText(`共 ${plan.steps.length} 个步骤`, { exact: true }).waitFor();
    for (const [name, words] of [['safe', '安全'], ['checked', '需检查'], ['destructive', '破坏性']] as const) {
      await review.getByText(`${words} ${plan.summary[name]}`, { exact: true }).waitFor();
    }
    expect(plan.summary.destructive).toBe(0);
    const steps = await stepTexts(review);
    expect(steps).toHaveLength(plan.steps.length);
    expect(steps[0]).toBe('安全 新增对象「门店拜访」');
    await saveScreenshot(page, 'plan-review');

    createdVersion = await applyReview();
    expect(createdVersion).toBe(before.version + 1);
    const after = await appliedBlueprint(api);
    expect(after.version).toBe(createdVersion);
    expect(storeVisits(after.blueprint)?.label).toEqual({ 'zh-CN': '门店拜访', en: 'Store visits' });
    expect(storeVisits(before.blueprint)).toBeUndefined();
    await heading(`对象与字段 蓝图版本 ${createdVersion}`).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '门店拜访', exact: true }) });
    expect((await row.getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['门店拜访', 'store_visits', String(storeVisits(after.blueprint).fields.length)]);
    await page.getByRole('navigation').getByRole('link', { name: '门店拜访', exact: true }).waitFor();
    await saveScreenshot(page, 'build-objects');
  });

  it('adds fields of six types; a default the server refuses is named in words, then shown at its input', async () => {
    const before = await appliedBlueprint(api);
    await page.getByRole('link', { name: '编辑「门店拜访」的字段' }).click();
    await heading('字段：门店拜访 store_visits').waitFor();
    for (const field of fields) await addField(page, field);
    expect(await fieldRows(page)).toEqual([
      ['名称', 'name', '文本', '标题字段'], ['门店名称', 'store', '文本', '必填'], ['拜访类型', 'visit_type', '单选'],
      ['费用', 'cost', '金额'], ['拜访日期', 'visit_date', '日期'], ['客户', 'customer', '关联'], ['备注', 'note', '文本'],
    ]);

    studio!.expected.add('422 POST /api/w/default/blueprint/plan');
    const refused = await planBy('检查并应用');
    expect(refused.status()).toBe(422);
    const [error, ...others] = (await refused.json()).error.errors;
    expect(others).toEqual([]);
    expect(error.pointer).toMatch(/^\/objects\/\d+\/fields\/\d+\/default$/);
    const review = reviewDialog(page);
    await review.getByRole('alert').filter({ hasText: `对象「门店拜访」 › 字段「备注」 › 默认值：${error.message['zh-CN']}` }).waitFor();
    expect(await review.getByRole('button', { name: '应用变更' }).isDisabled()).toBe(true);
    await cancelReview(review);
    expect((await fieldRows(page)).at(-1)).toEqual(['备注', 'note', '文本', '有错误']);
    await page.getByRole('button', { name: '编辑「备注」' }).click();
    const drawer = page.getByRole('dialog', { name: '编辑字段 note' });
    const defaultValue = drawer.getByRole('textbox', { name: '默认值' });
    expect(await describedText(defaultValue)).toContain(error.message['zh-CN']);
    await defaultValue.fill('');
    await drawer.getByRole('button', { name: '放入草稿' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const planned = await planBy('检查并应用');
    expect(planned.status()).toBe(200);
    const { plan } = await planned.json();
    expect(plan.steps.filter((step: any) => step.kind === 'add_field').map((step: any) => step.field)).toEqual(fields.map((field) => field.name));
    await review.getByText(`共 ${plan.steps.length} 个步骤`, { exact: true }).waitFor();
    const added = (await stepTexts(review)).filter((step) => step.includes('中新增字段'));
    expect(added).toEqual(fields.map((field) => `${field.required ? '需检查' : '安全'} 在「门店拜访」中新增字段「${field.zh}」`));
    await review.getByRole('listitem').filter({ hasText: '新增字段「门店名称」' }).getByText('已检查，现有数据均符合').waitFor();
    await review.getByRole('textbox', { name: '变更说明（可选）' }).fill('门店拜访：第一批字段');
    const version = await applyReview();
    expect(version).toBe(before.version + 1);

    const applied = storeVisits((await appliedBlueprint(api)).blueprint);
    const byName = Object.fromEntries((applied.fields as Record<string, any>[]).map((field) => [field.name, field]));
    expect(applied.fields.map((field: any) => [field.name, field.type])).toEqual([
      ['name', 'text'], ['store', 'text'], ['visit_type', 'single_select'], ['cost', 'money'], ['visit_date', 'date'], ['customer', 'relation'], ['note', 'text'],
    ]);
    expect([byName.store.required, byName.store.maxLength]).toEqual([true, 50]);
    expect(byName.visit_type.options.map((option: any) => [option.value, option.label['zh-CN'], option.label.en])).toEqual(fields[1]!.options);
    expect(byName.cost.currency).toBe('CNY');
    expect(byName.customer.relation).toEqual({ kind: 'many_to_one', target: 'customers' });
    expect([byName.note.maxLength, byName.note.default]).toEqual([4, undefined]);
    expect((await api.request('GET', '/api/w/default/blueprint/versions')).body.data[0].comment).toBe('门店拜访：第一批字段');
    expect(await page.getByText(/^未保存的修改/).count()).toBe(0);
    expect((await fieldRows(page)).at(-1)).toEqual(['备注', 'note', '文本']);
    await saveScreenshot(page, 'object-editor');
  }, 180_000);

  it('holds a required date back until the rows it would break get a value, then fills them', async () => {
    const rows = [
      { name: '徐汇店例行巡店', store: '徐汇店', visit_type: 'routine', visit_date: '2026-03-02' },
      { name: '静安店培训', store: '静安店', visit_type: 'training', cost: 1200 },
      { name: '浦东店投诉', store: '浦东店', visit_type: 'complaint' },
    ];
    const ids: string[] = [];
    for (const row of rows) {
      const { status, body } = await api.request('POST', visits, row);
      expect(status).toBe(201);
      ids.push(body.data.id);
    }
    const undated = ids.slice(1);
    await checkInDraft('拜访日期', 'visit_date', '必填');

    const planned = await planBy('检查并应用');
    const { plan } = await planned.json();
    const check = plan.steps.find((step: any) => step.field === 'visit_date').checks.find((candidate: any) => candidate.rule === 'required');
    expect([check.violations, check.examples.map((example: any) => example.id).sort()]).toEqual([2, [...undated].sort()]);
    expect(plan.applicable).toBe(false);
    const review = reviewDialog(page);
    await review.getByText('共 1 个步骤', { exact: true }).waitFor();
    expect(await stepTexts(review)).toEqual(['需检查 修改「门店拜访」的字段「拜访日期」：设为必填']);
    await review.getByText('2 行为空', { exact: true }).waitFor();
    expect((await review.getByRole('list', { name: '示例：' }).getByRole('listitem').allInnerTexts()).sort()).toEqual(undated.map((id) => `记录 ${id}：（空）`).sort());
    await review.getByRole('alert').filter({ hasText: '还有需检查的步骤未处理' }).waitFor();
    expect(await review.getByRole('button', { name: '应用变更' }).isDisabled()).toBe(true);
    // The server refuses it as well while no conversion is chosen.
    const next = JSON.parse(planned.request().postData()!).blueprint;
    const forced = await api.request('POST', '/api/w/default/blueprint/apply', { blueprint: next, expectedVersion: plan.fromVersion });
    expect([forced.status, forced.body.error.code]).toEqual([409, 'MIGRATION_REFUSED']);

    await review.getByRole('radio', { name: '改为指定值' }).check();
    await review.getByRole('textbox', { name: '替换值' }).fill('2026-03-01');
    const replanned = await planBy('使用此值重新检查');
    expect(JSON.parse(replanned.request().postData()!).conversions).toEqual({ 'store_visits.visit_date': { onInvalid: 'set_value', value: '2026-03-01' } });
    expect((await replanned.json()).plan.applicable).toBe(true);
    await review.getByText('· 将按所选方式处理').waitFor();
    expect(await review.getByRole('alert').filter({ hasText: '还有需检查的步骤未处理' }).count()).toBe(0);
    expect(await applyReview()).toBe(plan.fromVersion + 1);

    expect(storeVisits((await appliedBlueprint(api)).blueprint).fields.find((field: any) => field.name === 'visit_date').required).toBe(true);
    const dates = await Promise.all(ids.map(async (id) => (await api.request('GET', `${visits}/${id}`)).body.data.visit_date));
    expect(dates).toEqual(['2026-03-02', '2026-03-01', '2026-03-01']);
  }, 120_000);

  it('shows the refreshed report when the data changed between the plan and the apply', async () => {
    await checkInDraft('门店名称', 'store', '唯一');
    const planned = await planBy('检查并应用');
    expect((await planned.json()).plan.applicable).toBe(true);
    const review = reviewDialog(page);
    await review.getByText('已检查，现有数据均符合').waitFor();
    // Meanwhile a second visit of a store is recorded: its name is no longer unique.
    const again = await api.request('POST', visits, { name: '徐汇店复查', store: '徐汇店', visit_type: 'routine', visit_date: '2026-03-03' });
    expect(again.status).toBe(201);
    studio!.expected.add('409 POST /api/w/default/blueprint/apply');
    const [refused] = await Promise.all([page.waitForResponse(isPost('/apply')), review.getByRole('button', { name: '应用变更' }).click()]);
    expect([refused.status(), (await refused.json()).error.code]).toEqual([409, 'MIGRATION_REFUSED']);
    await review.getByRole('alert').filter({ hasText: '服务器拒绝了此变更：以下步骤仍需处理。' }).waitFor();
    await review.getByText(/^\d+ 行存在重复值$/).waitFor();
    expect(await review.getByRole('button', { name: '应用变更' }).isDisabled()).toBe(true);
    await cancelReview(review);
    // Nothing was applied; the draft is dropped and the second visit deleted, as the tests after expect.
    expect(storeVisits((await appliedBlueprint(api)).blueprint).fields.find((field: any) => field.name === 'store').unique).toBeUndefined();
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: buttonName('是') }).click();
    await page.getByText(/^未保存的修改/).waitFor({ state: 'hidden' });
    expect((await api.request('DELETE', `${visits}/${again.body.data.id}`)).status).toBe(200);
  });

  it('asks before the browser\'s back leaves unsaved fields, and stays when told to', async () => {
    // Pages reached inside the studio (not by page.goto, which makes each a new document whose leaving is the browser's own prompt).
    await openBuildPage('对象与字段');
    await heading(/^对象与字段 蓝图版本/).waitFor();
    await page.getByRole('link', { name: '编辑「门店拜访」的字段' }).click();
    await heading('字段：门店拜访 store_visits').waitFor();
    await checkInDraft('门店名称', 'store', '唯一');
    await answeringLeavePrompts(async (asked) => {
      await page.evaluate(() => history.back());
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toBe('字段有未保存的修改，确定要离开吗？离开后修改将丢失。');
      await page.getByText('未保存的修改（1）').waitFor();
      expect(new URL(page.url()).pathname).toBe('/w/default/build/objects/store_visits');
      await page.evaluate(() => history.back());
      await heading(/^对象与字段 蓝图版本/).waitFor();
      expect(asked).toHaveLength(2);
    });
    await page.getByRole('link', { name: '编辑「门店拜访」的字段' }).click();
    await heading('字段：门店拜访 store_visits').waitFor();
    expect(await page.getByText(/^未保存的修改/).count()).toBe(0);
  });

  it('designs the form: a new section, a field shown by a condition, the API\'s messages at their fields', async () => {
    await page.getByRole('main').getByRole('link', { name: '表单设计' }).click();
    await heading('表单设计：门店拜访 默认布局').waitFor();
    const layout = page.getByRole('region', { name: '表单结构' });
    const preview = page.getByRole('region', { name: '预览' });
    const placed = async (section: string) => (await layout.getByRole('group', { name: section }).locator('button[aria-pressed]').allInnerTexts()).filter((text) => text !== '设置').sort();

    await layout.getByRole('button', { name: '添加分组' }).click();
    await layout.getByRole('group', { name: '新分组' }).getByRole('button', { name: '设置' }).click();
    const sectionSettings = page.getByRole('region', { name: /^分组设置：/ });
    await sectionSettings.getByRole('textbox', { name: '分组标题（中文）' }).fill('拜访详情');
    await sectionSettings.getByRole('textbox', { name: '分组标题（英文）' }).fill('Visit details');
    await layout.getByRole('button', { name: '从表单移除“费用”' }).click();
    await page.getByRole('region', { name: '未放置的字段' }).getByRole('button', { name: '将“费用”添加到最后一个分组' }).click();
    await dragDownInto(page, layout.getByRole('button', { name: '拖动“拜访日期”' }), '拜访日期', '拜访详情');
    expect(await placed('基本信息')).toEqual(['名称', '门店名称', '拜访类型', '客户', '备注'].sort());
    expect(await placed('拜访详情')).toEqual(['拜访日期', '费用'].sort());

    await layout.getByRole('group', { name: '拜访详情' }).getByRole('button', { name: '费用', exact: true }).click();
    const fieldSettings = page.getByRole('region', { name: '字段设置：费用' });
    await fieldSettings.getByRole('button', { name: '添加显示条件' }).click();
    await choose(fieldSettings, '字段', '拜访类型', '拜访类型');
    await fieldSettings.getByRole('combobox', { name: '值', exact: true }).fill('training');
    const cost = preview.getByRole('spinbutton', { name: '费用' });
    expect(await cost.count()).toBe(0);
    await choose(preview, '拜访类型', '店员培训');
    await cost.waitFor();
    // The picture: the layout beside the preview, which now shows the conditional field.
    await fieldSettings.getByRole('button', { name: '关闭设置' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'form-designer');
    await choose(preview, '拜访类型', '投诉处理');
    await cost.waitFor({ state: 'detached' });
    await choose(preview, '拜访类型', '店员培训');
    await cost.waitFor();

    // Empty required fields: the form's own check, in the API's words for the same record.
    const store = preview.getByRole('textbox', { name: labelled('门店名称') });
    const date = preview.getByRole('textbox', { name: labelled('拜访日期') });
    const check = preview.getByRole('button', { name: buttonName('检查') });
    const required = await validationMessages(api, 'store_visits', { visit_type: 'training' });
    await check.click();
    await expect.poll(() => describedText(store)).toBe(required['/store']);
    expect(await describedText(date)).toBe(required['/visit_date']);

    // A value only the server can judge: its answer is shown at the field.
    await store.fill('徐汇店');
    await date.fill('2026-03-05');
    await date.press('Tab');
    await cost.fill('12.345');
    studio!.expected.add('422 POST /api/w/default/data/store_visits/validate');
    const [checked] = await Promise.all([page.waitForResponse(isPost('/store_visits/validate')), check.click()]);
    expect(checked.status()).toBe(422);
    const errors = (await checked.json()).error.errors;
    expect(errors.map((error: any) => error.pointer)).toEqual(['/cost']);
    await expect.poll(() => describedText(cost)).toBe(errors[0].message['zh-CN']);
    expect(await describedText(store)).toBe('');
    // Hidden by its condition, the cost keeps its value: the server's answer then names it in the alert.
    await choose(preview, '拜访类型', '投诉处理');
    await cost.waitFor({ state: 'detached' });
    const [hidden] = await Promise.all([page.waitForResponse(isPost('/store_visits/validate')), check.click()]);
    expect(hidden.status()).toBe(422);
    await preview.getByRole('alert').filter({ hasText: '数据校验未通过' }).getByRole('listitem').filter({ hasText: `费用：${errors[0].message['zh-CN']}` }).waitFor();
    await choose(preview, '拜访类型', '店员培训');
    await cost.fill('12.34');
    await check.click();
    await preview.getByRole('status').filter({ hasText: '检查通过：服务器接受这些值。' }).waitFor();

    await page.getByRole('button', { name: buttonName('保存') }).click();
    const review = reviewDialog(page);
    await review.getByText(/^没有数据库结构变更/).waitFor();
    expect(await review.getByRole('textbox', { name: '变更说明（可选）' }).inputValue()).toBe('修改表单设计：门店拜访');
    const version = await applyReview();
    await heading('表单设计：门店拜访 已设计').waitFor();
    const { version: applied, blueprint } = await appliedBlueprint(api);
    expect(applied).toBe(version);
    const form = (blueprint.forms as Record<string, any>[]).find((candidate) => candidate.object === 'store_visits');
    expect(form?.sections.map((section: any) => section.fields.map((entry: any) => entry.field).sort())).toEqual([['customer', 'name', 'note', 'store', 'visit_type'], ['cost', 'visit_date']]);
    expect(form?.sections[1].title).toEqual({ 'zh-CN': '拜访详情', en: 'Visit details' });
    expect(form?.sections[1].fields.find((entry: any) => entry.field === 'cost').visibleWhen).toEqual({ and: [{ field: 'visit_type', op: 'eq', value: 'training' }] });
  }, 180_000);

  it('creates a record in the designed form through two refused saves, keeping what was typed, then edits it', async () => {
    const customer = (await api.request('GET', '/api/w/default/data/customers?limit=1&sort=name')).body.data[0] as { id: string; name: string };
    await page.goto(`${api.url}/w/default/records/store_visits/new`);
    await heading('新建门店拜访').waitFor();
    const form = page.getByRole('main');
    const store = form.getByRole('textbox', { name: labelled('门店名称') });
    const cost = form.getByRole('spinbutton', { name: '费用' });
    const create = form.getByRole('button', { name: buttonName('创建') });
    await form.getByRole('textbox', { name: '名称', exact: true }).fill('黄浦店培训');
    await choose(form, '拜访类型', '店员培训');
    await cost.fill('880.555');
    await form.getByRole('textbox', { name: labelled('拜访日期') }).fill('2026-03-08');
    await form.getByRole('textbox', { name: labelled('拜访日期') }).press('Tab');
    await choose(form, '客户', customer.name, customer.name);
    // Another type hides the cost; the form keeps its value all the same.
    await choose(form, '拜访类型', '例行巡店');
    await cost.waitFor({ state: 'detached' });

    // The required store left empty: refused at the field by the form itself, nothing sent, nothing lost.
    const posts = recordRequests(page, (request) => request.method() === 'POST' && new URL(request.url()).pathname === visits);
    await create.click();
    await expect.poll(() => describedText(store)).toBe((await validationMessages(api, 'store_visits', {}))['/store']);
    posts.stop();
    expect(posts.sent).toEqual([]);
    expect(await form.getByRole('textbox', { name: '名称', exact: true }).inputValue()).toBe('黄浦店培训');
    expect(await form.getByRole('textbox', { name: labelled('拜访日期') }).inputValue()).toBe('2026-03-08');
    expect(await selectedText(form.getByRole('combobox', { name: '拜访类型' }))).toBe('例行巡店');
    expect(await selectedText(form.getByRole('combobox', { name: '客户' }))).toBe(customer.name);

    // The server refuses the hidden cost: the alert names it, as no field shows its message.
    await store.fill('黄浦店');
    studio!.expected.add(`422 POST ${visits}`);
    const [refused] = await Promise.all([page.waitForResponse(isPost(visits)), create.click()]);
    expect(refused.status()).toBe(422);
    const errors = (await refused.json()).error.errors as { pointer: string; message: Record<string, string> }[];
    expect(errors.map((error) => error.pointer)).toEqual(['/cost']);
    const alert = form.getByRole('alert').filter({ hasText: '数据校验未通过' });
    await alert.getByRole('listitem').filter({ hasText: `费用：${errors[0]!.message['zh-CN']}` }).waitFor();
    expect(await alert.innerText()).not.toContain('请修改表单中标出的');
    await choose(form, '拜访类型', '店员培训');
    expect(await cost.inputValue()).toBe('880.555');
    await expect.poll(() => describedText(cost)).toBe(errors[0]!.message['zh-CN']);
    await alert.getByText('请修改表单中标出的 1 处错误。').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'record-form');

    await cost.fill('880.5');
    const [created] = await Promise.all([page.waitForResponse(isPost(visits)), create.click()]);
    expect(created.status()).toBe(201);
    recordId = (await created.json()).data.id;
    await page.waitForURL(`${api.url}/w/default/records/store_visits/${recordId}`);
    await heading('黄浦店培训 门店拜访').waitFor();
    await form.getByRole('group', { name: '门店名称', exact: true }).filter({ hasText: '黄浦店' }).waitFor();

    await form.getByRole('button', { name: buttonName('编辑') }).click();
    await store.fill('黄浦旗舰店');
    const [patched] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().endsWith(`${visits}/${recordId}`)),
      form.getByRole('button', { name: buttonName('保存') }).click(),
    ]);
    expect([patched.status(), JSON.parse(patched.request().postData()!)]).toEqual([200, { store: '黄浦旗舰店', version: 1 }]);
    await form.getByRole('group', { name: '门店名称', exact: true }).filter({ hasText: '黄浦旗舰店' }).waitFor();
    const { data } = (await api.request('GET', `${visits}/${recordId}`)).body;
    expect(data).toMatchObject({ version: 2, name: '黄浦店培训', store: '黄浦旗舰店', visit_type: 'training', cost: '880.50', visit_date: '2026-03-08', customer: customer.id });
  }, 120_000);

  it('filters the new object\'s list by its select through the filter builder', async () => {
    const count = async (filter?: unknown) => (await api.request('GET', `${visits}?count=true&limit=50${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`)).body;
    const training = { field: 'visit_type', op: 'eq', value: 'training' };
    const all = await count();
    const matching = await count(training);
    expect([all.page.total, matching.page.total]).toEqual([4, 2]);
    await page.getByRole('link', { name: '返回门店拜访列表' }).click();
    await heading(`门店拜访 共 ${all.page.total} 条`).waitFor();
    await page.getByRole('button', { name: '筛选' }).click();
    const drawer = page.getByRole('dialog', { name: '筛选条件' });
    await drawer.getByRole('button', { name: '添加条件', exact: true }).click();
    await choose(drawer, '字段', '拜访类型', '拜访类型');
    await choose(drawer, '值', '店员培训');
    await drawer.getByRole('button', { name: buttonName('应用') }).click();
    await heading(`门店拜访 共 ${matching.page.total} 条`).waitFor();
    expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).toEqual(training);
    const titles = await page.getByRole('table').locator('tbody tr.ant-table-row a[href^="/w/default/records/store_visits/"]').allInnerTexts();
    expect(titles.sort()).toEqual(matching.data.map((record: any) => record.name).sort());
  });

  it('rolls back to the version before the fields, archiving them after a confirmation', async () => {
    const before = (await api.request('GET', '/api/w/default/blueprint/versions')).body.data as { version: number }[];
    await openBuildPage('版本历史');
    await heading('版本历史').waitFor();
    await page.getByRole('button', { name: `查看版本 ${before[0]!.version}` }).waitFor();
    expect(await page.getByRole('table').locator('tbody tr.ant-table-row').count()).toBe(before.length);
    await page.getByRole('button', { name: `查看版本 ${createdVersion}` }).click();
    await heading(`版本 ${createdVersion}`, 3).waitFor();
    const diff = page.getByRole('region', { name: '蓝图差异' });
    await diff.locator(`[aria-label=${JSON.stringify('新增："name": "store_visits",')}]`).waitFor();
    expect(await diff.locator('[aria-label^="删除："]').count()).toBe(0);
    await saveScreenshot(page, 'versions');

    const [planned] = await Promise.all([
      page.waitForResponse(isPost(`/versions/${createdVersion}/plan`)),
      page.getByRole('button', { name: '回滚到此版本' }).click(),
    ]);
    const { plan } = await planned.json();
    expect(plan.steps.filter((step: any) => step.kind === 'archive_field').map((step: any) => [step.class, step.field])).toEqual(fields.map((field) => ['destructive', field.name]));
    const name = `回滚到版本 ${createdVersion}：变更预览`;
    const review = reviewDialog(page, name);
    await review.getByText(`破坏性 ${fields.length}`, { exact: true }).waitFor();
    expect((await stepTexts(review)).filter((step) => step.startsWith('破坏性'))).toEqual(fields.map((field) => `破坏性 将「门店拜访」的字段「${field.zh}」归档（数据保留，可恢复）`));
    const apply = review.getByRole('button', { name: '应用变更' });
    expect(await apply.isDisabled()).toBe(true);
    await review.getByRole('checkbox', { name: '我已了解，确认执行破坏性变更' }).check();
    expect(await apply.isEnabled()).toBe(true);
    const version = await applyReview(name);

    const after = (await api.request('GET', '/api/w/default/blueprint/versions')).body.data as { version: number; comment: string }[];
    expect(after.length).toBe(before.length + 1);
    expect(after[0]!.version).toBe(version);
    const { blueprint } = await appliedBlueprint(api);
    expect(storeVisits(blueprint).fields.map((field: any) => field.name)).toEqual(['name']);
    expect((blueprint.forms as { object: string }[]).some((form) => form.object === 'store_visits')).toBe(false);
    const record = (await api.request('GET', `${visits}/${recordId}`)).body.data;
    expect([record.name, 'store' in record]).toEqual(['黄浦店培训', false]);
    await heading(`版本 ${version}`, 3).waitFor();
  }, 120_000);

  it('shows the build pages and the menu in English, then in Chinese again', async () => {
    const buildLinks = () => page.getByRole('navigation').locator('a[href*="/build/"]').allInnerTexts();
    await openBuildPage('对象与字段');
    await heading(/^对象与字段 蓝图版本/).waitFor();
    const chinese = await buildLinks();
    expect(chinese).toEqual(['对象与字段', '表单设计', '视图', '版本历史', 'JSON 文档']);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading(/^Objects and fields Blueprint version \d+$/).waitFor();
    expect(await buildLinks()).toEqual(['Objects and fields', 'Forms', 'Views', 'Version history', 'JSON documents']);
    await page.getByRole('navigation').getByRole('menuitem', { name: 'Build' }).waitFor();
    expect(await page.getByRole('table').first().getByRole('columnheader').allInnerTexts()).toEqual(['Label', 'API name', 'Fields', 'Actions']);
    await page.getByRole('link', { name: 'Edit the fields of “Store visits”' }).waitFor();
    await openBuildPage('Version history');
    await heading('Version history').waitFor();
    await openBuildPage('Forms');
    await heading('Form designer').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: '中文', exact: true }).click();
    await heading('表单设计').waitFor();
    expect(await buildLinks()).toEqual(chinese);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
  it('marks in the JSON text what the server refused, until the text changes', async () => {
    const { blueprint } = await appliedBlueprint(api);
    const levels = (blueprint.objects as { id: string; fields: Record<string, unknown>[] }[]).find((object) => object.id === 'member_levels')!;
    const tooLong = 'x'.repeat(40);
    const edited = { ...levels, fields: levels.fields.map((field) => (field.name === 'code' ? { ...field, default: tooLong } : field)) };
    await page.goto(`${api.url}/w/default/build/documents?doc=object:member_levels`);
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(edited, null, 2));
    await page.getByText('符合文档模式，可以应用', { exact: true }).waitFor();
    studio!.expected.add('422 POST /api/w/default/blueprint/plan');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/w/default/blueprint/plan')),
      page.getByRole('button', { name: buttonName('预览并应用') }).click(),
    ]);
    expect(refused.status()).toBe(422);
    const [error] = (await refused.json()).error.errors as { pointer: string; message: Record<string, string> }[];
    expect(error!.pointer).toMatch(/^\/objects\/\d+\/fields\/\d+\/default$/);
    const review = reviewDialog(page);
    await cancelReview(review);
    // The server's message underlines the refused default in the text, and shows over it.
    const marked = page.locator('.cm-lintRange-error').filter({ hasText: tooLong });
    await marked.hover();
    await page.locator('.cm-tooltip-lint').getByText(error!.message['zh-CN']!).waitFor();
    // A new text is not what the server saw: its mark goes.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' ');
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(0);
    // The text is not applied: leaving by the menu asks first, and staying keeps it.
    await answeringLeavePrompts(async (asked) => {
      await openBuildPage('对象与字段');
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toBe('文档有尚未应用的修改，确定要离开吗？离开后修改将丢失。');
      expect(new URL(page.url()).pathname).toBe('/w/default/build/documents');
      expect(await editor.textContent()).toContain(tooLong);
      await openBuildPage('对象与字段');
      await heading(/^对象与字段 蓝图版本/).waitFor();
      expect(asked).toHaveLength(2);
    });
  });
});
