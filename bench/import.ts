/**
 * Import benchmark: customers from CSV files into PostgreSQL through the whole import pipeline
 * (read, map, clean, validate, dedupe, write with audit and events, checkpoint per batch), each
 * import alone in a child process (bench/import-child.ts) for its peak memory, against COPY of
 * the same clean file into an identical table, in the same run.
 *
 * Run alone: npx tsx bench/import.ts [rows] [memoryRows]   (defaults 1,000,000 and 5,000,000)
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { from as copyFrom } from 'pg-copy-streams';
import { Tessera, bulkWrite, workspaceSchemaName } from '../packages/core/src/index.js';
import { importBlueprint } from '../packages/core/test/messy-customers.js';
import { pg } from './deps.js';
import { cleanColumns, writeCleanFile, writeMessyFile } from './import-files.js';
import { dropDatabase, fmt, freshDatabase, isMain, progress, since, waitForQuiet, writeReport, type BenchReport, type Comparison } from './report.js';

const databaseName = 'tessera_bench_import';
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

interface ChildResult {
  ms: number;
  status: string;
  counts: Record<string, number>;
  peakRssMB: number;
}

function runChild(options: Record<string, unknown>): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'bench/import-child.ts', JSON.stringify(options)], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  return new Promise((resolve, reject) => child.on('exit', (code) => {
    if (code !== 0) reject(new Error(`the import child failed (${code}): ${stdout}`));
    else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult);
  }));
}

/** The validation-only mapping: every column to its field, cleaning off, every row a new record. */
const validationOnly = {
  fields: Object.fromEntries(cleanColumns.map((column) => [column, { from: column }])),
  clean: { phones: false, emails: false, text: false, addresses: false },
  match: { action: 'create' },
};

async function copyClean(url: string, slug: string, path: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    const stream = client.query(copyFrom(`COPY ${workspaceSchemaName(slug)}.customers (${cleanColumns.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(path), stream);
    return since(start);
  } finally {
    await client.end();
  }
}

const rate = (rows: number, ms: number) => rows / (ms / 1000);
const absolute = (measure: string, core: number, reference: number, target: number, unit: string, atLeast: boolean): Comparison => ({
  measure, core: fmt(core), reference: Number.isNaN(reference) ? '—' : fmt(reference), ratio: core / reference,
  target: `${atLeast ? '>=' : '<'} ${fmt(target)} ${unit}`, result: (atLeast ? core >= target : core < target) ? 'PASS' : 'FAIL',
});

export async function runImportBench(rows = 1_000_000, memoryRows = 5_000_000, keepDatabase = false): Promise<BenchReport> {
  const folder = await mkdtemp(join(tmpdir(), 'tessera-bench-import-'));
  const url = await freshDatabase(databaseName);
  const tessera = await Tessera.open({ databaseUrl: url });
  try {
    const clean = join(folder, 'clean.csv');
    const messyPath = join(folder, 'messy.csv');
    progress(`import: writing ${fmt(rows)} clean rows and a messy list of about as many`);
    await writeCleanFile(clean, rows);
    const people = Math.round(rows / 1.15);
    const messy = await writeMessyFile(messyPath, people, 2, 100_000 / people);
    for (const slug of ['copy', 'valid', 'messy']) await tessera.createWorkspace(slug, importBlueprint(), 'bench');
    const existing = await tessera.system('messy', 'bench');
    for (let start = 0; start < messy.existing.length; start += 10_000) await bulkWrite(existing, 'customers', 'create', messy.existing.slice(start, start + 10_000));
    progress(`  ${fmt(messy.counts.read!)} messy rows, ${fmt(messy.existing.length)} customers stored before`);
    const copyMs = await copyClean(url, 'copy', clean);
    progress(`  COPY: ${fmt(copyMs)} ms (${fmt(rate(rows, copyMs))} rows/s)`);
    const valid = await runChild({ databaseUrl: url, workspace: 'valid', path: clean, mapping: validationOnly });
    progress(`  validation only: ${fmt(valid.ms)} ms (${fmt(rate(rows, valid.ms))} rows/s), peak RSS ${fmt(valid.peakRssMB)} MB`);
    if (valid.status !== 'done' || valid.counts.created !== rows) throw new Error(`the clean import ended ${valid.status} with ${JSON.stringify(valid.counts)}`);
    const dirty = await runChild({ databaseUrl: url, workspace: 'messy', path: messyPath });
    progress(`  normalisation + dedupe: ${fmt(dirty.ms)} ms (${fmt(rate(messy.counts.read!, dirty.ms))} rows/s), peak RSS ${fmt(dirty.peakRssMB)} MB`);
    const expected = { ...messy.counts, updated: 0, skipped: 0, review: 0 };
    if (JSON.stringify(Object.entries(dirty.counts).sort()) !== JSON.stringify(Object.entries(expected).sort())) throw new Error(`the messy import counted ${JSON.stringify(dirty.counts)}, the generator says ${JSON.stringify(expected)}`);
    let memory: ChildResult | undefined;
    if (memoryRows > 0) {
      const big = join(folder, 'memory.csv');
      await writeCleanFile(big, memoryRows, 3);
      await tessera.createWorkspace('memory', importBlueprint(), 'bench');
      memory = await runChild({ databaseUrl: url, workspace: 'memory', path: big, mapping: validationOnly });
      progress(`  ${fmt(memoryRows)} rows: ${fmt(memory.ms)} ms, peak RSS ${fmt(memory.peakRssMB)} MB`);
      await rm(big, { force: true });
    }
    const copyRate = rate(rows, copyMs);
    return {
      name: 'import',
      title: `Import of ${fmt(rows)} customer rows from CSV: pipeline vs COPY`,
      reference: 'PostgreSQL COPY ... FROM STDIN (FORMAT csv) of clean.csv into an identical table (same blueprint, same indexes), same run',
      comparisons: [
        absolute('validation only: rows/s', rate(rows, valid.ms), copyRate, 100_000, 'rows/s', true),
        absolute(`normalisation + dedupe against ${fmt(messy.existing.length)} stored: rows/s`, rate(messy.counts.read!, dirty.ms), copyRate, 50_000, 'rows/s', true),
        absolute('peak RSS, validation only (MB)', valid.peakRssMB, Number.NaN, 512, 'MB', false),
        absolute('peak RSS, normalisation + dedupe (MB)', dirty.peakRssMB, Number.NaN, 512, 'MB', false),
        ...(memory ? [absolute(`peak RSS, ${fmt(memoryRows)} rows validation only (MB)`, memory.peakRssMB, Number.NaN, 512, 'MB', false)] : []),
      ],
      notes: [
        `validation only: clean.csv (${fmt(rows)} rows, 12 columns: name, E.164 phone, email, gender, ISO birthday, province, city, district, address, points, vip, notes) mapped column to field, cleaning off, every row a new record; every record validated (ajv), written in batches of 5,000 (one transaction each, with its checkpoint, undo entry, one audit entry and one event), the next batch read and mapped while one is written. ${fmt(valid.ms)} ms.`,
        `normalisation + dedupe: messy.csv (${fmt(messy.counts.read!)} rows from ${fmt(people)} people; Chinese headers; phones in six notations, full-width digits and emails, five date notations, addresses split into province/city/district against the administrative divisions, 15 % repeated people, 2 % broken rows) with the suggested mapping: match on phone then email, merge filling empty fields, against ${fmt(messy.existing.length)} customers stored before. Outcome checked against the generator: ${Object.entries(dirty.counts).map(([key, value]) => `${key} ${fmt(value)}`).join(', ')}. ${fmt(dirty.ms)} ms.`,
        `COPY: ${fmt(copyMs)} ms for the same clean.csv; it validates nothing and writes no audit, events or checkpoints.`,
        `every import runs alone in a child process (bench/import-child.ts); peak RSS is that process's VmHWM, Node and the engine included. The time covers the whole import: checks, the file's SHA-256, and every batch.`,
        ...(memory ? [`memory: ${fmt(memoryRows)} clean rows imported as above in ${fmt(memory.ms)} ms (${fmt(rate(memoryRows, memory.ms))} rows/s).`] : []),
        `PostgreSQL server, one database per run; PGlite is not measured here.`,
      ],
    };
  } finally {
    await tessera.close();
    await rm(folder, { recursive: true, force: true });
    if (!keepDatabase) await dropDatabase(databaseName);
  }
}

if (isMain(import.meta.url)) {
  const idle = await waitForQuiet();
  const report = await runImportBench(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 5_000_000));
  if (idle !== undefined) report.idleBefore = idle;
  await writeReport(report);
}
