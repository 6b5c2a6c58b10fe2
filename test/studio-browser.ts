import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { templateBlueprint } from '../packages/server/src/templates.js';
import { sampleData } from '../templates/retail/sample-data.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { buildStudio } from './build-studio.js';
import { launchChromium } from './launch-chromium.js';

/** A studio in Chromium over a seeded workspace, with what went wrong on the page so far. */
export interface StudioBrowser {
  api: ApiHarness;
  page: Page;
  /** The objects of the workspace `default` as GET /blueprint answers them. */
  objects: Record<string, any>[];
  /** Console errors, page errors, failed requests and error answers not in `expected`; a test empties it. */
  problems: string[];
  /** Error answers ("401 GET /api/auth/session") the current step expects; a test empties it. */
  expected: Set<string>;
  close(): Promise<void>;
}

/**
 * Builds the studio from its sources, serves it with the API over a fresh database whose workspace
 * `default` holds the retail template and `customers` sample customers, and opens a Chromium page
 * (not yet navigated) that records every problem.
 */
export async function openStudioBrowser(customers: number): Promise<StudioBrowser> {
  let browser: Browser | undefined;
  let studioDir: string | undefined;
  let api: ApiHarness | undefined;
  const close = async () => {
    await browser?.close();
    await api?.close();
    if (studioDir) await rm(studioDir, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium();
    studioDir = await buildStudio();
    api = await startApiHarness({ studioDir });
    await api.tessera.createWorkspace('default', await templateBlueprint('retail'), 'test');
    const context = await api.tessera.system('default', 'seed the studio browser tests');
    for (const batch of sampleData({ customers })) await bulkWrite(context, batch.object, 'create', batch.records);
    const objects = (await api.request('GET', '/api/w/default/blueprint')).body.blueprint.objects as Record<string, any>[];
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    const expected = new Set<string>();
    page.on('console', (message) => {
      // Chromium logs every error answer of a fetch as a console error; answers are checked below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // Chromium aborts a fetch still in flight when the page navigates or the studio cancels a query
      // it no longer needs: not a failure of the server (error answers are checked below).
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    page.on('response', (response) => {
      const answer = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
      if (response.status() >= 400 && !expected.has(answer)) problems.push(`HTTP ${answer}`);
    });
    return { api, page, objects, problems, expected, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens the studio and signs in as the harness's platform admin (the studio's first session check answers 401, as expected). */
export async function signInAsAdmin(studio: StudioBrowser): Promise<void> {
  studio.expected.add('401 GET /api/auth/session');
  await studio.page.goto(studio.api.url);
  await studio.page.getByLabel('邮箱').fill(studio.api.admin.email);
  await studio.page.getByLabel('密码').fill(studio.api.admin.password);
  await studio.page.getByRole('button', { name: '登 录' }).click();
}

/**
 * For the tests of the describe it is called in: after each, no console error, failed request or
 * error answer the test did not expect (its expected ones forgotten); after all, the browser and
 * the server closed.
 */
export function watchStudio(current: () => StudioBrowser | undefined): void {
  afterEach(() => {
    const studio = current();
    studio?.expected.clear();
    expect(studio?.problems.splice(0), 'console errors, failed requests or unexpected error answers').toEqual([]);
  });
  afterAll(async () => {
    await current()?.close();
  });
}
