/**
 * Dedupe benchmark: a dedupe run over the stored customers (exact key on email, fuzzy on the
 * address within blocks of the same district and name) as the job runs it, against one SQL
 * statement doing the same matching in the same run: a GROUP BY for the key, and a self-join of
 * each block scored with fuzzystrmatch's levenshtein for the likeness.
 *
 * Run alone: npx tsx bench/dedupe.ts [customers] [planted]   (defaults 1,000,000 and 50,000)
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { JobWorker, Tessera, asSystem, workspaceSchemaName } from '../packages/core/src/index.js';
import { importBlueprint } from '../packages/core/test/messy-customers.js';
import { pg } from './deps.js';
import { cleanColumns, writeCleanFile } from './import-files.js';
import { dropDatabase, fmt, freshDatabase, isMain, progress, since, waitForQuiet, writeReport, type BenchReport } from './report.js';

type PgClient = InstanceType<typeof pg.Client>;

const databaseName = 'tessera_bench_dedupe';
const rule = { on: [['email']], fuzzy: { block: ['district', 'name'], compare: { address: 1 }, threshold: 0.9, review: 0.8 } };

/** Loads the customers with COPY, then plants `planted` near-duplicates: same name, district and email, the address with one character changed, another phone. */
async function load(client: PgClient, table: string, path: string, planted: number): Promise<void> {
  await pipeline(createReadStream(path), client.query(copyFrom(`COPY ${table} (${cleanColumns.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  await client.query(`INSERT INTO ${table} (name, phone, email, gender, district, city, province, address)
    SELECT name, '+86137' || lpad(n::text, 8, '0'), email, gender, district, city, province, overlay(address PLACING '#' FROM 2 FOR 1)
    FROM (SELECT *, row_number() OVER (ORDER BY phone) AS n FROM ${table}) AS t WHERE n % (SELECT greatest(1, count(*) / $1) FROM ${table}) = 0 LIMIT $1`, [planted]);
  await client.query(`ANALYZE ${table}`);
}

/** The same matching in SQL: pairs by email, and pairs of one block whose addresses are alike enough (1 − distance / longer length ≥ review). */
async function referenceSql(client: PgClient, table: string): Promise<{ ms: number; pairs: number }> {
  const start = performance.now();
  const { rows } = await client.query(`WITH by_key AS (
      SELECT least(a.id, b.id) AS x, greatest(a.id, b.id) AS y FROM ${table} a JOIN ${table} b ON a.email = b.email AND a.id < b.id WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL),
    blocks AS (SELECT district, name FROM ${table} WHERE deleted_at IS NULL AND district IS NOT NULL AND name IS NOT NULL GROUP BY district, name HAVING count(*) > 1),
    alike AS (
      SELECT least(a.id, b.id) AS x, greatest(a.id, b.id) AS y FROM blocks k
      JOIN ${table} a ON a.district = k.district AND a.name = k.name AND a.deleted_at IS NULL
      JOIN ${table} b ON b.district = k.district AND b.name = k.name AND b.deleted_at IS NULL AND a.id < b.id
      WHERE a.address IS NOT NULL AND b.address IS NOT NULL
        AND 1 - levenshtein(left(a.address, 255), left(b.address, 255))::numeric / greatest(length(a.address), length(b.address), 1) >= $1)
    SELECT count(*)::int AS n FROM (SELECT x, y FROM by_key UNION SELECT x, y FROM alike) AS pairs`, [rule.fuzzy.review]);
  return { ms: since(start), pairs: rows[0].n as number };
}

export async function runDedupeBench(customers = 1_000_000, planted = 50_000): Promise<BenchReport> {
  const folder = await mkdtemp(join(tmpdir(), 'tessera-bench-dedupe-'));
  const url = await freshDatabase(databaseName);
  const tessera = await Tessera.open({ databaseUrl: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    progress(`dedupe: ${fmt(customers)} customers, ${fmt(planted)} near-duplicates planted`);
    await tessera.createWorkspace('dedupe', importBlueprint(), 'bench');
    const table = `${workspaceSchemaName('dedupe')}.customers`;
    const path = join(folder, 'customers.csv');
    await writeCleanFile(path, customers, 7);
    await load(client, table, path, planted);
    await client.query('CREATE EXTENSION IF NOT EXISTS fuzzystrmatch');
    const principal = asSystem('dedupe benchmark');
    const start = performance.now();
    const run = await tessera.duplicates.startRun('dedupe', principal, 'customers', rule);
    await new JobWorker(tessera.jobs, tessera.duplicates.jobHandler()).runOne();
    const ms = since(start);
    const done = await tessera.duplicates.run('dedupe', principal, run.id);
    if (done.status !== 'done') throw new Error(`the dedupe run ended ${done.status}: ${JSON.stringify(done.error)}`);
    progress(`  dedupe run: ${fmt(ms)} ms, ${fmt(done.pairs)} pairs (${fmt(done.recordsTotal ?? 0)} records)`);
    const reference = await referenceSql(client, table);
    progress(`  SQL: ${fmt(reference.ms)} ms, ${fmt(reference.pairs)} pairs`);
    const plantedFound = (await client.query(`SELECT count(DISTINCT p.id)::int AS n FROM ${workspaceSchemaName('dedupe')}._duplicates d JOIN ${table} p ON p.id IN (d.record_id, d.candidate_id)
      WHERE p.phone LIKE '+86137%'`)).rows[0].n as number;
    const rate = (count: number, time: number) => count / (time / 1000);
    return {
      name: 'dedupe',
      title: `Dedupe run over ${fmt(done.recordsTotal ?? customers)} customers: the job vs one SQL statement`,
      reference: 'one SQL statement in the same run: pairs by email (self-join) UNION pairs of each (district, name) block whose addresses score >= 0.8 with fuzzystrmatch levenshtein, counted',
      comparisons: [
        { measure: 'records per second', core: fmt(rate(done.recordsTotal ?? customers, ms)), reference: fmt(rate(done.recordsTotal ?? customers, reference.ms)), ratio: reference.ms / ms },
        { measure: 'pairs found', core: fmt(done.pairs), reference: fmt(reference.pairs), ratio: done.pairs / Math.max(reference.pairs, 1) },
      ],
      notes: [
        `data: ${fmt(customers)} generated customers loaded with COPY, then ${fmt(planted)} near-duplicates of spread-out ones (same name, district and email; the address with one character changed; another phone).`,
        `rule: ${JSON.stringify(rule)}. The job groups the key in SQL, reads the ids of the records in blocks of two or more in block order (one statement), then their values page by page by id, scores each block pairwise in Node, and writes each pair to the review queue (ON CONFLICT DO NOTHING). ${fmt(ms)} ms in all, from the start request to the job's end, with the count of records and the queue writes.`,
        `planted near-duplicates found (in at least one pair): ${fmt(plantedFound)} of ${fmt(planted)}. The job and the statement find the same number of pairs; pairs beyond the planted ones are likenesses in the generated data itself (the same name in the same district with an address alike).`,
        `the reference only counts the pairs; it writes nothing. The ratio is reference time / job time (1 = as fast as the statement).`,
        `no target is set by the issue for this figure; it is here so that a change to the dedupe engine shows its cost.`,
        `PostgreSQL server, one database per run; PGlite is not measured here.`,
      ],
    };
  } finally {
    await client.end();
    await tessera.close();
    await rm(folder, { recursive: true, force: true });
    await dropDatabase(databaseName);
  }
}

if (isMain(import.meta.url)) {
  const idle = await waitForQuiet();
  const report = await runDedupeBench(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 50_000));
  if (idle !== undefined) report.idleBefore = idle;
  await writeReport(report);
}
