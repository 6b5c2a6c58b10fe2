import type { Locator, Page } from 'playwright-core';

/**
 * A required input's accessible name starts with antd's "* " mark, and a horizontal form's label
 * ends with the colon antd draws: this matches a label with or without them, and nothing longer.
 */
export function labelled(label: string): RegExp {
  return new RegExp(`^(\\* )?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( ?[:：])?$`);
}

/**
 * Clicks the option of the open antd select that shows exactly this text, once the dropdown has
 * finished sliding in: a click during antd's motion is sometimes lost.
 */
export async function pickOption(page: Page, option: string): Promise<void> {
  const still = page.locator('.ant-select-dropdown:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])').filter({ visible: true });
  await still.locator('.ant-select-item-option').and(page.getByTitle(option, { exact: true })).click();
}

/**
 * Opens the select named `label` inside `scope` and picks `option`; `search` is typed first into a
 * select that searches (long lists are virtual: an option far down is not in the page until typed).
 */
export async function choose(scope: Page | Locator, label: string, option: string, search?: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const combobox = scope.getByRole('combobox', { name: labelled(label) });
  await combobox.click();
  if (search !== undefined) await combobox.fill(search);
  await pickOption(page, option);
}


/** The text an antd select shows as chosen (its combobox holds only what is typed). */
export async function selectedText(combobox: Locator): Promise<string> {
  return combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').innerText();
}
