/**
 * `pnpm bench`: runs every benchmark in order and writes bench/results/<name>.md for each.
 *
 *   DATABASE_URL  PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/postgres);
 *                 each benchmark creates (and drops) its own database there.
 *   pnpm bench [bulk-upsert] [list-query] [restricted-list] [list-load] [studio] [sign-in] [import] [dedupe]   runs only those (default: all).
 */
import { rm } from 'node:fs/promises';
import { buildStudio } from '../test/build-studio.js';
import { runBulkUpsert } from './bulk-upsert.js';
import { runImportBench } from './import.js';
import { runDedupeBench } from './dedupe.js';
import { listDatabaseName, loadListDataset, type ListDataset } from './list-dataset.js';
import { runListLoad } from './list-load.js';
import { runListQuery } from './list-query.js';
import { runRestrictedList } from './restricted-list.js';
import { runSignIn } from './sign-in.js';
import { runStudioBundle } from './studio-bundle-size.js';
import { runStudioFirstPage } from './studio-first-page.js';
import { adminUrl, dropDatabase, machineInfo, progress, waitForQuiet, writeReport, type BenchReport } from './report.js';

const all = ['bulk-upsert', 'list-query', 'restricted-list', 'list-load', 'studio', 'sign-in', 'import', 'dedupe'] as const;
type Name = (typeof all)[number];

const asked = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = asked.filter((name) => !all.includes(name as Name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(2);
}
const selected = all.filter((name) => asked.length === 0 || asked.includes(name));

const started = performance.now();
const machine = await machineInfo();
progress(`server ${new URL(adminUrl()).host}, ${machine.postgres}; ${machine.cpu}, ${machine.cores} cores; running ${selected.join(', ')}`);
const reports: BenchReport[] = [];
const failures: string[] = [];
let dataset: ListDataset | undefined;

async function attempt(name: Name, run: () => Promise<BenchReport>): Promise<void> {
  try {
    const idle = await waitForQuiet();
    const report = await run();
    if (idle !== undefined) report.idleBefore = idle;
    await writeReport(report, machine);
    reports.push(report);
  } catch (error) {
    failures.push(name);
    console.error(`benchmark ${name} failed:`, error);
  }
}

/** The studio's two reports (bundle size, first page) over one production build. */
async function runStudio(list: ListDataset): Promise<void> {
  let studioDir: string;
  try {
    studioDir = await buildStudio();
  } catch (error) {
    failures.push('studio');
    console.error('the studio did not build:', error);
    return;
  }
  try {
    await attempt('studio', async () => runStudioBundle(studioDir));
    await attempt('studio', () => runStudioFirstPage(list, studioDir));
  } finally {
    await rm(studioDir, { recursive: true, force: true });
  }
}

try {
  if (selected.includes('bulk-upsert')) await attempt('bulk-upsert', () => runBulkUpsert());
  if (selected.some((name) => ['list-query', 'restricted-list', 'list-load', 'studio'].includes(name))) {
    dataset = await loadListDataset();
    if (selected.includes('list-query')) await attempt('list-query', () => runListQuery(dataset!));
    if (selected.includes('restricted-list')) await attempt('restricted-list', () => runRestrictedList(dataset!));
    if (selected.includes('list-load')) await attempt('list-load', () => runListLoad(dataset!));
    if (selected.includes('studio')) await runStudio(dataset);
  }
  if (selected.includes('sign-in')) await attempt('sign-in', () => runSignIn());
  if (selected.includes('import')) await attempt('import', () => runImportBench());
  if (selected.includes('dedupe')) await attempt('dedupe', () => runDedupeBench());
} finally {
  if (dataset && !process.env.BENCH_KEEP_DB) await dropDatabase(listDatabaseName);
}

console.log('\n## Summary\n');
for (const report of reports) {
  for (const row of report.comparisons.filter((comparison) => comparison.target !== undefined)) {
    console.log(`- ${report.name}: ${row.measure}: ${row.core} vs ${row.reference}, ratio ${Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : 'n/a'} (target ${row.target}) ${row.result ?? (row.pass ? 'PASS' : 'FAIL')}`);
  }
}
for (const name of failures) console.log(`- ${name}: did not complete (see the error above)`);
console.log(`\ntotal ${((performance.now() - started) / 60_000).toFixed(1)} min; results in bench/results/`);
if (failures.length > 0) process.exitCode = 1;
