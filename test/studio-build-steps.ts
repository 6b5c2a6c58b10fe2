import type { Locator, Page, Request } from 'playwright-core';
import { choose, labelled } from './antd-select.js';
import type { ApiHarness } from './api-harness.js';

/** A field of the drawer "新增字段", as an implementer fills it in. */
export interface NewField {
  zh: string;
  en: string;
  name: string;
  /** The type's zh-CN label in the type select (文本, 单选, 金额…); 文本 is the drawer's default. */
  type?: string;
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
  currency?: string;
  /** value, zh-CN and en label of each option of a select. */
  options?: [string, string, string][];
  /** The target's entry in the relation's target select, as "客户 (customers)". */
  target?: string;
}

/**
 * A button's accessible name as a pattern: antd spaces a label of two Chinese characters ("创 建"),
 * and a spinner whose loading ended quickly can stay in the page, invisible but still named
 * "loading" (antd's leave motion never ends): the label is matched as the name's last words.
 */
export function buttonName(label: string): RegExp {
  const characters = [...label];
  const text = characters.length === 2 ? characters.join('\\s?') : label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|\\s)${text}$`);
}

/** What an input's aria-describedby elements say: antd's help, its errors and the server's errors placed there. */
export async function describedText(input: Locator): Promise<string> {
  return input.evaluate((element) => (element.getAttribute('aria-describedby') ?? '').split(/\s+/)
    .map((id) => (id ? element.ownerDocument.getElementById(id)?.textContent ?? '' : '')).join(' ').trim());
}

/** Adds one field through the editor's drawer and puts it in the draft. */
export async function addField(page: Page, field: NewField): Promise<void> {
  await page.getByRole('button', { name: '新增字段', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: '新增字段' });
  await drawer.getByRole('textbox', { name: labelled('中文名称') }).fill(field.zh);
  await drawer.getByRole('textbox', { name: labelled('英文名称') }).fill(field.en);
  await drawer.getByRole('textbox', { name: labelled('API 名称') }).fill(field.name);
  if (field.type) await choose(drawer, '类型', field.type, field.type);
  for (const [index, [value, zh, en]] of (field.options ?? []).entries()) {
    await drawer.getByRole('button', { name: '添加选项' }).click();
    await drawer.getByLabel(`第 ${index + 1} 个选项的值`).fill(value);
    await drawer.getByLabel(`第 ${index + 1} 个选项的中文名称`).fill(zh);
    await drawer.getByLabel(`第 ${index + 1} 个选项的英文名称`).fill(en);
  }
  if (field.target) await choose(drawer, '目标对象', field.target, field.target);
  if (field.maxLength !== undefined) await drawer.getByRole('spinbutton', { name: '最大长度' }).fill(String(field.maxLength));
  if (field.currency) await drawer.getByRole('textbox', { name: '币种' }).fill(field.currency);
  if (field.defaultValue !== undefined) await drawer.getByRole('textbox', { name: '默认值' }).fill(field.defaultValue);
  if (field.required) await drawer.getByRole('checkbox', { name: '必填' }).check();
  await drawer.getByRole('button', { name: '放入草稿' }).click();
  await drawer.waitFor({ state: 'hidden' });
}

/** The rows of the editor's field list, each as its label, API name, type and flags. */
export async function fieldRows(page: Page): Promise<string[][]> {
  const texts = await page.getByRole('list', { name: '字段列表' }).getByRole('listitem').allInnerTexts();
  // Each row ends with its two buttons (编辑, 归档).
  return texts.map((text) => text.split('\n').map((part) => part.trim()).filter(Boolean).slice(0, -2));
}

/** The review dialog once its plan (or its refusal) is shown. */
export function reviewDialog(page: Page, name = '变更预览'): Locator {
  return page.getByRole('dialog', { name, exact: true });
}

/**
 * Cancels the review dialog and waits for it to close. The click waits for antd's opening zoom to
 * end: a click during it can be lost, leaving the dialog open.
 */
export async function cancelReview(review: Locator): Promise<void> {
  await review.and(review.page().locator('.ant-modal:not([class*="zoom"])')).waitFor();
  await review.getByRole('button', { name: buttonName('取消') }).click();
  await review.waitFor({ state: 'hidden' });
}

/** The steps of the review dialog (or of a version), each as its class and its words. */
export async function stepTexts(scope: Locator): Promise<string[]> {
  const items = await scope.getByRole('list').first().locator(':scope > li').allInnerTexts();
  return items.map((text) => text.split('\n').slice(0, 2).join(' '));
}

/** The applied blueprint of workspace `default` and its version, as the API answers them. */
export async function appliedBlueprint(api: ApiHarness): Promise<{ version: number; blueprint: Record<string, any> }> {
  const { status, body } = await api.request('GET', '/api/w/default/blueprint');
  if (status !== 200) throw new Error(`GET blueprint answered ${status}`);
  return body as { version: number; blueprint: Record<string, any> };
}

/** The requests the page sends from now on that `wanted` picks; stop() ends the recording. */
export function recordRequests(page: Page, wanted: (request: Request) => boolean): { sent: string[]; stop: () => void } {
  const sent: string[] = [];
  const listener = (request: Request) => { if (wanted(request)) sent.push(`${request.method()} ${new URL(request.url()).pathname}`); };
  page.on('request', listener);
  return { sent, stop: () => page.off('request', listener) };
}

/** Waits for two frames: what a key press set in motion is rendered and announced. */
async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/**
 * Drags a field of the form designer with the keyboard (space, arrows, space), moving down until
 * the live region announces it over `target`; at most `steps` moves.
 */
export async function dragDownInto(page: Page, handle: Locator, field: string, target: string, steps = 8): Promise<void> {
  const status = page.getByRole('status').filter({ hasText: `字段“${field}”` });
  await handle.focus();
  await page.keyboard.press('Space');
  // Picked up, then at once over its own place: either announcement says the drag began.
  await status.filter({ hasText: /已拾起|上方/ }).waitFor();
  for (let moved = 0; moved < steps && !(await status.innerText()).includes(`位于“${target}”上方`); moved += 1) {
    await page.keyboard.press('ArrowDown');
    await settle(page);
  }
  await page.keyboard.press('Space');
  await status.filter({ hasText: `已放入“${target}”` }).waitFor();
}

/** The API's own zh-CN message for each pointer of a record it refuses (POST …/validate, nothing written). */
export async function validationMessages(api: ApiHarness, object: string, record: Record<string, unknown>): Promise<Record<string, string>> {
  const { status, body } = await api.request('POST', `/api/w/default/data/${object}/validate`, { record });
  if (status !== 422) throw new Error(`validate answered ${status}, not 422`);
  return Object.fromEntries((body.error.errors as { pointer: string; message: Record<string, string> }[]).map((error) => [error.pointer, error.message['zh-CN']!]));
}
