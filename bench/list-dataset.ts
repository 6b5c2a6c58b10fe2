/**
 * Setup of benchmarks 2 and 3: a fresh database with one workspace (`list`, the customers
 * blueprint) whose table is loaded with 1,000,000 generated customers by COPY (setup only: the
 * engine's write path is benchmark 1), then VACUUM ANALYZE so both sides query a settled table.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { Tessera, workspaceSchemaName } from '../packages/core/src/index.js';
import { copyColumns, csvChunks, customersBlueprint, generateCustomers } from './customers-blueprint.js';
import { pg } from './deps.js';
import { databaseUrl, dropDatabase, fmt, freshDatabase, progress, since, waitForQuiet, writeReport, type BenchReport } from './report.js';

export const listDatabaseName = 'tessera_bench_list';
export const listWorkspace = 'list';

/** What the setup made. */
export interface ListDataset {
  url: string;
  slug: string;
  schema: string;
  rows: number;
  loadMs: number;
}

/** An already loaded dataset (BENCH_REUSE_DB=1, to iterate on the benchmarks), or undefined. */
async function existingDataset(rows: number): Promise<ListDataset | undefined> {
  const url = databaseUrl(listDatabaseName);
  const schema = workspaceSchemaName(listWorkspace);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows: found } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.customers`);
    return found[0]?.n === rows ? { url, slug: listWorkspace, schema, rows, loadMs: NaN } : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function loadListDataset(rows = 1_000_000): Promise<ListDataset> {
  if (process.env.BENCH_REUSE_DB) {
    const existing = await existingDataset(rows);
    if (existing) {
      progress(`list dataset: reusing ${listDatabaseName} (BENCH_REUSE_DB)`);
      return existing;
    }
  }
  progress(`list dataset: loading ${fmt(rows)} customers into ${listDatabaseName}`);
  const url = await freshDatabase(listDatabaseName);
  const tessera = await Tessera.open({ databaseUrl: url });
  try {
    await tessera.createWorkspace(listWorkspace, customersBlueprint(), 'bench');
  } finally {
    await tessera.close();
  }
  const schema = workspaceSchemaName(listWorkspace);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    // Created_at spread over the past two years, as a real table would have it (the default sort is -created_at).
    await client.query(`ALTER TABLE ${schema}.customers ALTER COLUMN created_at SET DEFAULT now() - random() * interval '730 days'`);
    const stream = client.query(copyFrom(`COPY ${schema}.customers (${copyColumns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from(csvChunks(generateCustomers(rows), 'bench', 5_000)), stream);
    await client.query(`ALTER TABLE ${schema}.customers ALTER COLUMN created_at SET DEFAULT now()`);
    await client.query(`VACUUM ANALYZE ${schema}.customers`);
    const loadMs = since(start);
    progress(`list dataset: ${fmt(rows)} rows loaded in ${fmt(loadMs / 1000, 1)} s`);
    return { url, slug: listWorkspace, schema, rows, loadMs };
  } finally {
    await client.end();
  }
}

/** Runs one list benchmark on its own (npx tsx bench/<name>.ts): loads the dataset, waits for a quiet machine, writes the report. */
export async function runAloneOnListDataset(run: (dataset: ListDataset) => Promise<BenchReport>): Promise<void> {
  const dataset = await loadListDataset();
  try {
    const idle = await waitForQuiet();
    const report = await run(dataset);
    if (idle !== undefined) report.idleBefore = idle;
    await writeReport(report);
  } finally {
    if (!process.env.BENCH_KEEP_DB) await dropDatabase(listDatabaseName);
  }
}
