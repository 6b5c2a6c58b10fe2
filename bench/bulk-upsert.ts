/**
 * Benchmark 1: bulk upsert of 100,000 customers through the engine (validation on, bulkWrite in
 * batches of 10,000, keyed on phone) into an empty table, against PostgreSQL's COPY FROM STDIN (CSV,
 * pg-copy-streams) of the same rows into an identical table (same blueprint, so the same indexes and
 * constraints, in a second workspace). Each side runs 3 times on fresh tables; medians are compared.
 *
 * Run alone: npx tsx bench/bulk-upsert.ts
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { Tessera, bulkWrite, workspaceSchemaName } from '../packages/core/src/index.js';
import { copyColumns, csvChunks, customersBlueprint, generateCustomers, type CustomerRow } from './customers-blueprint.js';
import { pg, type Pool } from './deps.js';
import { breakdownTable, runUpsertBreakdown } from './upsert-breakdown.js';
import {
  compare, dropDatabase, fmt, freshDatabase, isMain, median, progress, since, waitForQuiet, writeReport, type BenchReport,
} from './report.js';

export interface BulkUpsertOptions {
  rows?: number;
  batch?: number;
  runs?: number;
  /** Also measure where the engine's time goes (upsert-breakdown.ts; default true). */
  investigate?: boolean;
  keepDatabase?: boolean;
}

const databaseName = 'tessera_bench_upsert';
const actor = 'bench';

interface Checksum {
  n: number;
  spent: string;
  orders: string;
  emails: number;
  phones: string;
}

async function checksum(pool: Pool, slug: string): Promise<Checksum> {
  const { rows } = await pool.query<Checksum>(`SELECT count(*)::int AS n, sum(total_spent)::text AS spent, sum(orders_count)::text AS orders,
    count(email)::int AS emails, md5(string_agg(phone || name || coalesce(email, '') || city || level, ',' ORDER BY phone)) AS phones
    FROM ${workspaceSchemaName(slug)}.customers`);
  return rows[0]!;
}

/** Untimed housekeeping between runs, so one run's dirty pages or autovacuum do not land in the next. */
async function settle(pool: Pool, slug?: string): Promise<void> {
  if (slug) await pool.query(`VACUUM ANALYZE ${workspaceSchemaName(slug)}.customers`);
  await pool.query('CHECKPOINT');
}

async function coreRun(tessera: Tessera, pool: Pool, slug: string, rows: CustomerRow[], batch: number): Promise<number> {
  await tessera.createWorkspace(slug, customersBlueprint(), actor);
  const context = await tessera.system(slug, actor);
  await settle(pool);
  const start = performance.now();
  let created = 0;
  for (let offset = 0; offset < rows.length; offset += batch) {
    const result = await bulkWrite(context, 'customers', 'upsert', rows.slice(offset, offset + batch), 'phone');
    created += result.created;
  }
  const elapsed = since(start);
  if (created !== rows.length) throw new Error(`core created ${created} of ${rows.length}`);
  return elapsed;
}

const slugPrefix = { core: 'core', copy: 'copy' } as const;

async function copyRun(tessera: Tessera, pool: Pool, slug: string, rows: CustomerRow[]): Promise<number> {
  await tessera.createWorkspace(slug, customersBlueprint(), actor);
  await settle(pool);
  const client = await pool.connect();
  try {
    const start = performance.now();
    const stream = client.query(copyFrom(`COPY ${workspaceSchemaName(slug)}.customers (${copyColumns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from(csvChunks(rows, actor)), stream);
    const elapsed = since(start);
    if (stream.rowCount !== rows.length) throw new Error(`COPY wrote ${stream.rowCount} of ${rows.length}`);
    return elapsed;
  } finally {
    client.release();
  }
}

export async function runBulkUpsert(options: BulkUpsertOptions = {}): Promise<BenchReport> {
  const count = options.rows ?? 100_000;
  const batch = options.batch ?? 10_000;
  const runs = options.runs ?? 3;
  progress(`bulk-upsert: ${count} rows, batches of ${batch}, ${runs} runs per side`);
  const url = await freshDatabase(databaseName);
  const tessera = await Tessera.open({ databaseUrl: url });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const rows = [...generateCustomers(count)];
    const investigate = options.investigate ?? true;
    const sides = ['core', 'copy'] as const;
    const times = new Map<(typeof sides)[number], number[]>(sides.map((side) => [side, []]));
    for (let run = 1; run <= runs; run += 1) {
      // Rotate which side goes first, so none always runs on a warmer (or dirtier) server.
      const order = sides.map((_side, index) => sides[(index + run - 1) % sides.length]!);
      for (const side of order) {
        const slug = `${slugPrefix[side]}_${run}`;
        const elapsed = side === 'core' ? await coreRun(tessera, pool, slug, rows, batch) : await copyRun(tessera, pool, slug, rows);
        times.get(side)!.push(elapsed);
        progress(`  run ${run} ${side}: ${fmt(elapsed)} ms (${fmt(count / (elapsed / 1000))} rows/s)`);
        await settle(pool, slug);
      }
      const reference = JSON.stringify(await checksum(pool, `copy_${run}`));
      for (const side of sides) {
        const found = JSON.stringify(await checksum(pool, `${slugPrefix[side]}_${run}`));
        if (found !== reference) throw new Error(`tables differ after run ${run}: ${side} ${found} vs copy ${reference}`);
      }
    }
    const coreTimes = times.get('core')!;
    const copyTimes = times.get('copy')!;
    const coreMs = median(coreTimes);
    const copyMs = median(copyTimes);
    const coreRate = count / (coreMs / 1000);
    const copyRate = count / (copyMs / 1000);
    const breakdown = investigate ? breakdownTable(await runUpsertBreakdown(count)) : [];
    const { rows: outbox } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${workspaceSchemaName('core_1')}._outbox`);
    return {
      name: 'bulk-upsert',
      title: `Bulk upsert of ${fmt(count)} customers: engine vs COPY`,
      reference: 'PostgreSQL COPY ... FROM STDIN (CSV via pg-copy-streams) into an identical table (same blueprint, same indexes)',
      comparisons: [
        compare(`rows/s (median of ${runs})`, fmt(coreRate), fmt(copyRate), coreRate / copyRate, '>= 0.3'),
        compare(`elapsed ms (median of ${runs})`, fmt(coreMs), fmt(copyMs), coreMs / copyMs),
      ],
      notes: [
        `engine: bulkWrite(ctx, 'customers', 'upsert', batch, 'phone') with ${count / batch} calls of ${fmt(batch)} records; every record validated (ajv + phone format), one transaction per call, chunks of 1,000 rows validated while the previous chunk's statement runs (jsonb_to_recordset + ON CONFLICT (phone) + outbox event per row).`,
        `COPY: one COPY of all ${fmt(count)} rows; the time includes turning the same JS objects into CSV.`,
        `every run writes into a fresh, empty table with the blueprint's indexes: primary key (uuid), unique phone (partial, deleted_at IS NULL), city.`,
        `runs (ms): engine ${coreTimes.map((time) => fmt(time)).join(', ')}; COPY ${copyTimes.map((time) => fmt(time)).join(', ')}.`,
        `all tables hold the same rows after each run (count, sums and an md5 over the values compared); the engine also wrote ${fmt(outbox[0]!.n)} outbox events per run, which COPY does not.`,
      ],
      details: breakdown,
    };
  } finally {
    await pool.end();
    await tessera.close();
    if (!options.keepDatabase) await dropDatabase(databaseName);
  }
}

if (isMain(import.meta.url)) {
  const idle = await waitForQuiet();
  const report = await runBulkUpsert();
  if (idle !== undefined) report.idleBefore = idle;
  await writeReport(report);
}
