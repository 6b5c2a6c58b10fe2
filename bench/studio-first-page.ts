/**
 * Benchmark: the studio's first page of customers in a real browser. The production studio build
 * served by the real server (createApp, in its own process: bench/studio-server.ts) over the
 * 1,000,000 customers of the list dataset; headless Chromium (playwright-core, the browser tests'
 * launch flags) signed in as a workspace admin. Each run opens a new tab at
 * /w/<slug>/records/customers and waits for the first data row of the table to be visible.
 *
 * The server paints the page (packages/studio/src/first-paint): the rows come with the HTML, and
 * the studio replaces them with its own table once its JavaScript has run. Both moments are
 * measured: the row on screen (**target: median < 1 s**) and the studio's own table ("live").
 * The row's time is the browser's: when it was laid out, and not before the first paint, in loads
 * that Playwright leaves alone. Loads watched by Playwright's wait for a visible row (Node's wall
 * clock) are run and printed too: that wait checks on the page's main thread every frame, which
 * slows the paint it waits for.
 *
 * Reference, same run: the page's first-page request alone (GET /api/w/<slug>/data/customers
 * ?limit=50&fields=…, as the studio remembered it) with the same session, sent from Node; the
 * page/API ratio says how much the HTML, the paint and the browser add.
 *
 * Run alone: npx tsx bench/studio-first-page.ts   (builds the studio and also writes the bundle report)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { buildStudio } from '../test/build-studio.js';
import { launchChromium } from '../test/launch-chromium.js';
import { measuredCommit, writeJsonResult } from './json-result.js';
import { runAloneOnListDataset, type ListDataset } from './list-dataset.js';
import { firstRowScript, pageTimingScript, type PageTiming } from './page-timing.js';
import { fmt, hostInfo, isMain, median, progress, quantile, since, writeReport, type BenchReport, type Comparison } from './report.js';
import { runStudioBundle } from './studio-bundle-size.js';

/** The first data row of the records table (antd Table): the only place the benchmark names the page's markup. */
export const firstRowSelector = 'tbody tr.ant-table-row';
/** The target on the median time to the first row. */
const targetMs = 1000;

interface Server {
  child: ChildProcess;
  base: string;
  email: string;
  password: string;
}

/** One page load: what the browser itself timed and, for a watched load, the wall clock around goto + wait. */
interface PageRun extends PageTiming {
  wallMs?: number;
}

async function startServer(dataset: ListDataset, studioDir: string): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./studio-server.ts', import.meta.url)), [dataset.url, dataset.slug, studioDir], {
    cwd: fileURLToPath(new URL('../', import.meta.url)), execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const message: { port?: number; email?: string; password?: string; error?: string } = await Promise.race([
    once(child, 'message').then(([first]) => first as { port?: number; email?: string; password?: string; error?: string }),
    once(child, 'exit').then(([code]) => ({ error: `the studio server exited with code ${String(code)}` })),
    new Promise<{ error: string }>((resolve) => setTimeout(() => resolve({ error: 'the studio server did not start within 60 s' }), 60_000).unref()),
  ]);
  if (!message.port || !message.email || !message.password) {
    child.kill();
    throw new Error(message.error ?? 'the studio server sent no port');
  }
  return { child, base: `http://127.0.0.1:${message.port}`, email: message.email, password: message.password };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

/**
 * Signs in with fetch from a page of the server's origin (a JSON URL: no studio asset gets cached),
 * so that the browser holds the session cookie as after the sign-in form. Answers the cookie for Node.
 */
async function signIn(context: BrowserContext, server: Server): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${server.base}/api/health`);
  const body = JSON.stringify({ email: server.email, password: server.password });
  const status = await page.evaluate(`fetch('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} }).then((response) => response.status)`);
  await page.close();
  if (status !== 200) throw new Error(`sign-in from the page answered ${String(status)}`);
  const cookie = (await context.cookies(server.base)).find((candidate) => candidate.name === 'tessera_session');
  if (!cookie) throw new Error('the browser holds no session cookie after signing in');
  return `${cookie.name}=${cookie.value}`;
}

/**
 * Opens a new tab at `url` and waits until the studio's own table shows; throws with what went
 * wrong on the page if it never does. A quiet load leaves the page alone until its load event, then
 * looks every 250 ms: Playwright's checks run on the page's main thread, and its wait for a visible
 * row (injected at once, rechecked every frame) slows the very paint it waits for. A watched load
 * waits that way, for Node's wall clock.
 */
async function loadPage(context: BrowserContext, url: string, watched = false): Promise<PageRun> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`); });
  try {
    const start = performance.now();
    // A quiet load waits for the load event (told over CDP, nothing run in the page): anything
    // Playwright evaluates in the page injects its script into it first, mid-parse.
    await page.goto(url, { waitUntil: watched ? 'commit' : 'load' });
    let wallMs: number | undefined;
    if (watched) {
      await page.locator(firstRowSelector).first().waitFor({ state: 'visible', timeout: 30_000 });
      wallMs = since(start);
    }
    // The studio must have taken over before the tab closes: a tab closed mid-start would still
    // hold the browser's process busy while the next run loads.
    await page.waitForFunction(`window.__tesseraLiveRowAt !== undefined`, undefined, { timeout: 30_000, polling: 250 });
    return { ...(wallMs !== undefined ? { wallMs } : {}), ...await page.evaluate(pageTimingScript) as PageTiming };
  } catch (error) {
    throw new Error(`no visible ${firstRowSelector} at ${url}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${problems.join('; ') || 'no page error'}`);
  } finally {
    await page.close();
  }
}

/** The reference: the page's data request alone, from Node, with the session cookie; checked to answer rows. */
async function apiOnce(url: string, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie, accept: 'application/json' } });
  const body = await response.json() as { data?: unknown[] };
  const elapsed = since(start);
  if (!response.ok || !Array.isArray(body.data) || body.data.length === 0) throw new Error(`GET ${url} answered ${response.status} without rows`);
  return elapsed;
}

const ms = (value: number | undefined) => value === undefined || Number.isNaN(value) ? 'n/a' : `${fmt(value)} ms`;
const statsOf = (values: number[]) => ({ median: median(values), p90: quantile(values, 0.9) });
const medianOf = (runs: PageRun[], pick: (run: PageRun) => number | undefined) => median(runs.map(pick).filter((value): value is number => value !== undefined));

/** Runs the benchmark: one cold page load, then `runs` rounds of a page load and an API request (alternating which goes first). */
export async function runStudioFirstPage(dataset: ListDataset, studioDir: string, options: { runs?: number } = {}): Promise<BenchReport> {
  const runs = options.runs ?? 7;
  const commit = measuredCommit(['packages/studio', 'packages/server', 'packages/core']);
  const browser = await launchChromium();
  let server: Server | undefined;
  try {
    server = await startServer(dataset, studioDir);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: firstRowScript(firstRowSelector) });
    const cookie = await signIn(context, server);
    const pageUrl = `${server.base}/w/${dataset.slug}/records/customers`;
    progress(`studio: cold load of ${pageUrl}`);
    const cold = await loadPage(context, pageUrl);
    // The same request as the page's own (whatever columns or sort it asks for), else the first page as the API defines it.
    const apiPath = cold.firstPagePath ?? cold.dataRequest?.path ?? `/api/w/${dataset.slug}/data/customers?limit=50`;
    const warm: PageRun[] = [];
    const watched: PageRun[] = [];
    const api: number[] = [];
    for (let round = 1; round <= runs; round += 1) {
      if (round % 2 === 0) api.push(await apiOnce(`${server.base}${apiPath}`, cookie));
      warm.push(await loadPage(context, pageUrl));
      watched.push(await loadPage(context, pageUrl, true));
      if (round % 2 === 1) api.push(await apiOnce(`${server.base}${apiPath}`, cookie));
      progress(`studio: run ${round}/${runs}: row on screen ${fmt(warm.at(-1)!.visibleAt)} ms, studio live ${fmt(warm.at(-1)!.liveAt)} ms; watched: wall clock ${fmt(watched.at(-1)!.wallMs!)} ms; API ${fmt(api.at(-1)!)} ms`);
    }
    const wall = statsOf(watched.map((run) => run.wallMs!));
    const visible = statsOf(warm.map((run) => run.visibleAt));
    const live = statsOf(warm.map((run) => run.liveAt));
    const painted = warm.filter((run) => run.painted).length;
    const reference = median(api);
    const pageRequests = [...new Set([cold, ...warm].map((run) => run.dataRequest?.path ?? 'none seen'))];
    writeJsonResult('studio-first-page', { ...hostInfo() }, { commit, url: pageUrl, apiPath, rowSelector: firstRowSelector, rows: dataset.rows, targetMs, cold, warm, watched, apiMs: api });
    const row = (measure: string, value: number, target?: boolean): Comparison => ({
      measure, core: ms(value), reference: ms(reference), ratio: value / reference,
      ...(target ? { target: `median < ${fmt(targetMs / 1000)} s`, pass: value < targetMs } : {}),
    });
    return {
      name: 'studio-first-page',
      title: `Studio: first page of ${fmt(dataset.rows)} customers visible in Chromium (${runs} runs + 1 cold) vs the same API request alone`,
      reference: `GET ${apiPath} from Node with the same session cookie, median of ${runs}`,
      comparisons: [
        row(`first row on screen, browser timing (navigation start → row laid out, not before the first paint), median of ${runs}`, visible.median, true),
        row(`first row on screen, browser timing, p90 of ${runs}`, visible.p90),
        row(`studio live (its own table replaced the painted one), browser timing, median of ${runs}`, live.median),
        row(`first row visible, Playwright's wall clock (goto → visible), ${runs} more loads watched by Playwright meanwhile, median`, wall.median),
        row('the same watched loads: row on screen, browser timing, median', medianOf(watched, (run) => run.visibleAt)),
        row('cold first run (empty HTTP cache, fresh server): row on screen', cold.visibleAt),
        row('cold first run: studio live', cold.liveAt),
        row('the page\'s own data request in the browser (request start → response end), median', medianOf(warm, (run) => run.dataRequest && run.dataRequest.end - run.dataRequest.start)),
      ],
      notes: [
        `commit ${commit}; the studio built for production (vite build), served with the API by createApp from packages/server (Fastify 5, pino at level warn) in its own Node process on PostgreSQL database ${dataset.url.replace(/^.*\//, '')}; Chromium ${browser.version()} headless (test/launch-chromium.ts flags), viewport 1440×900, on the same machine as the server and PostgreSQL.`,
        `signed in as a workspace admin (not a platform admin) by fetch('/api/auth/sign-in') from a page of the server's origin, so the browser holds the session cookie; each run opens a new tab of the same browser context at ${pageUrl.replace(server.base, '')} and waits for \`${firstRowSelector}\` to be visible.`,
        `${painted} of ${runs} runs arrived painted by the server (the cold run: ${cold.painted ? 'painted' : 'not painted'}). Browser timing: performance.now() (origin: the navigation start) taken at the start of the first animation frame in which the row is in the DOM with a size (a MutationObserver installed before the page's scripts notices it), and the first-contentful-paint entry; the row is on screen at the later of the two. Live: the same observer, when a row is in the DOM and the painted page is gone. These loads are quiet: Node runs nothing in the page before its load event, then looks every 250 ms until the studio is live. Each is followed by a watched load, timed by Node's clock around page.goto (until the navigation commits) and Playwright's wait for the visible row, CDP round trips included: Playwright checks in the page, every frame, on the main thread that parses and paints it, so the watched page is slower (its own browser timing is shown too) and Node hears of the row only between the tasks that start the studio.`,
        `cold run: a new browser context (empty HTTP cache) and the first studio page load of a just-started server; it downloaded ${fmt(cold.jsFiles)} JS files, ${fmt(cold.jsTransferred / 1000, 1)} kB transferred. Later runs find the JS in the HTTP cache (${fmt(medianOf(warm, (run) => run.jsTransferred) / 1000, 1)} kB transferred, median), like a returning user.`,
        `where the time goes (medians of the ${runs} runs, from the navigation start): HTML received ${ms(medianOf(warm, (run) => run.htmlEnd))}, DOMContentLoaded ${ms(medianOf(warm, (run) => run.domContentLoaded))}, first contentful paint ${ms(medianOf(warm, (run) => run.firstContentfulPaint))}, data request sent ${ms(medianOf(warm, (run) => run.dataRequest?.start))} and answered ${ms(medianOf(warm, (run) => run.dataRequest?.end))}, first row ${ms(visible.median)}, studio live ${ms(live.median)}; the main thread spent ${ms(medianOf(warm, (run) => run.longTasksMs))} of it in long tasks (over 50 ms each; the longest ${ms(medianOf(warm, (run) => run.longestTaskMs))}). Cold run: data request sent ${ms(cold.dataRequest?.start)}, answered ${ms(cold.dataRequest?.end)}, row ${ms(cold.visibleAt)}, live ${ms(cold.liveAt)}, long tasks ${ms(cold.longTasksMs)}.`,
        `the reference is the first page's request the studio remembered for this list, ${apiPath}; the page's own first-page request${pageRequests.length === 1 ? '' : 's'} seen in the browser: ${pageRequests.join(', ')} (none: the server asked for it to paint the page).`,
        `every run (row on screen / live, ms): ${warm.map((run) => `${fmt(run.visibleAt)}/${fmt(run.liveAt)}`).join(', ')}; watched (wall clock / row on screen, ms): ${watched.map((run) => `${fmt(run.wallMs!)}/${fmt(run.visibleAt)}`).join(', ')}; API alone: ${api.map((value) => fmt(value)).join(', ')}. p90 of ${runs} values by nearest rank is their maximum.`,
      ],
    };
  } finally {
    await browser.close();
    if (server) await stopServer(server);
  }
}

if (isMain(import.meta.url)) {
  progress('studio: building the studio (vite build)');
  const studioDir = await buildStudio();
  try {
    await writeReport(runStudioBundle(studioDir), { ...hostInfo(), postgres: 'no database' });
    await runAloneOnListDataset((dataset) => runStudioFirstPage(dataset, studioDir));
  } finally {
    await rm(studioDir, { recursive: true, force: true });
  }
}
