import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Tessera, bulkWrite } from '../packages/core/src/index.js';
import { openTestDatabase } from '../packages/core/src/testing/index.js';
import { importBlueprint, messyCsv, messyCustomers } from '../packages/core/test/messy-customers.js';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const messy = messyCustomers(977, 3_000);
const folder = mkdtempSync(join(tmpdir(), 'tessera-import-crash-'));
const file = join(folder, '客户.csv');
/** The CLI's environment: its data directory (PGlite and the secret key) or the test's PostgreSQL database. */
const env: Record<string, string> = { ...process.env as Record<string, string>, TESSERA_DATA_DIR: folder, TESSERA_SECRET_KEY: 'import crash test secret that is long enough for the key ring!' };
let databaseUrl: string | undefined;
let tessera: Tessera | undefined;

async function open(): Promise<Tessera> {
  return Tessera.open(databaseUrl ? { databaseUrl, keyDir: folder } : { dataDir: join(folder, 'pgdata'), keyDir: folder });
}

/** Runs `tessera import` in its own process; `killAfterRows` SIGKILLs it once its progress passes that many rows. */
function cli(workspace: string, killAfterRows?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'packages/server/src/cli/main.ts', 'import', file, '-o', 'customers', '-w', workspace, '--batch-size', '150', '-y'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const done = [...stderr.matchAll(/(\d+) \/ \d+ 行/g)].map((match) => Number(match[1]));
    if (killAfterRows !== undefined && done.some((rows) => rows >= killAfterRows)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function customers(workspace: string): Promise<unknown[]> {
  return tessera!.database.knex(`ws_${workspace}.customers`).whereNull('deleted_at').orderBy('phone')
    .select('name', 'phone', 'email', 'gender', 'birthday', 'province', 'city', 'district', 'address', 'points_balance', 'vip', 'notes');
}

beforeAll(async () => {
  writeFileSync(file, messyCsv(messy, 'gbk'));
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    const { rows } = await database.knex.raw('SELECT current_database() AS name');
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${(rows as { name: string }[])[0]!.name}`;
    databaseUrl = url.toString();
    env.DATABASE_URL = databaseUrl;
    tessera = await Tessera.attach(database);
  } else {
    delete env.DATABASE_URL;
    tessera = await open();
  }
  for (const workspace of ['calm', 'crash']) {
    await tessera.createWorkspace(workspace, importBlueprint(), 'tester');
    await bulkWrite(await tessera.system(workspace, 'tester'), 'customers', 'create', messy.existing);
  }
  // PGlite is one process's database: the CLI opens it while the test keeps it closed.
  if (!databaseUrl) await tessera.close();
});

afterAll(async () => {
  await tessera?.close();
  rmSync(folder, { recursive: true, force: true });
});

it('resumes an import killed mid-way to the same table as an uninterrupted run: nothing missing, nothing twice', async () => {
  const calm = await cli('calm');
  expect(calm.code, calm.stderr).toBe(0);
  const killed = await cli('crash', 1_200);
  expect(killed.signal).toBe('SIGKILL');
  const resumed = await cli('crash');
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(resumed.stderr).toMatch(/resuming import [0-9a-f-]+ after row [1-9]\d*/);
  const summary = JSON.parse(resumed.stdout) as { counts: Record<string, number>; rowsDone: number };
  expect(summary.counts).toEqual({ ...messy.counts, updated: 0, skipped: 0, review: 0 });
  expect(JSON.parse(calm.stdout)).toMatchObject({ counts: summary.counts });
  if (!databaseUrl) tessera = await open();
  const calmRows = await customers('calm');
  expect(calmRows).toHaveLength(messy.customers.size);
  expect(await customers('crash')).toEqual(calmRows);
  // One event per committed batch names the records it created: each created record is named once.
  const { rows } = await tessera!.database.knex.raw(`SELECT count(*)::int AS events, count(DISTINCT id)::int AS ids, count(*) FILTER (WHERE id IS NOT NULL)::int AS named
    FROM (SELECT jsonb_array_elements_text(payload -> 'ids') AS id FROM ws_crash._outbox WHERE type = 'records.created') AS named_ids`);
  expect(rows[0]).toMatchObject({ ids: messy.counts.created, named: messy.counts.created });
}, 240_000);
