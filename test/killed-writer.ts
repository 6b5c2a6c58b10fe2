import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tessera } from '../packages/core/src/index.js';
import { openTestDatabase } from '../packages/core/src/testing/index.js';

/**
 * A database that a second process can open as well: a fresh database on the PostgreSQL server
 * when DATABASE_URL is set, else a PGlite data directory in a temporary folder (an in-memory
 * PGlite cannot be shared). PGlite allows one process at a time: it is closed while the other
 * process runs and reopened after it, which also runs its crash recovery.
 */
export interface SharedDatabase {
  tessera: Tessera;
  target: { databaseUrl: string } | { dataDir: string };
  close(): Promise<void>;
}

/** Opens a database for a test that kills a writer process. */
export async function openSharedDatabase(): Promise<SharedDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const tessera = await Tessera.attach(await openTestDatabase());
    const { rows } = await tessera.database.knex.raw('SELECT current_database() AS name');
    const url = new URL(serverUrl);
    url.pathname = `/${(rows as { name: string }[])[0]!.name}`;
    return { tessera, target: { databaseUrl: url.toString() }, close: () => tessera.close() };
  }
  const folder = mkdtempSync(join(tmpdir(), 'tessera-killed-'));
  const shared: SharedDatabase = {
    tessera: await Tessera.open({ dataDir: join(folder, 'db') }),
    target: { dataDir: join(folder, 'db') },
    async close() {
      await shared.tessera.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return shared;
}

/** How a writer process ended. */
export interface WriterOutcome {
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** Polls until `probe` answers something; `giveUp` says why waiting longer is pointless. */
async function poll<T>(probe: () => Promise<T | undefined> | T | undefined, giveUp: () => string | undefined = () => undefined): Promise<T> {
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    const reason = giveUp();
    if (reason) throw new Error(reason);
    await sleep(10);
  }
}

/**
 * Runs test/bulk-writer-process.ts on the shared database: an upsert of `count` new people, then
 * of the existing person `lastEmail`. With `kill`, SIGKILLs it in the middle of its transaction and
 * returns once the database has ended that transaction:
 * - PostgreSQL: this process holds a row lock on `lastEmail`, so the writer's last statement blocks
 *   while it runs, after its earlier statements wrote thousands of rows; it is killed while blocked,
 *   the lock is released, and we wait until the server has dropped the writer's backend.
 * - PGlite: the statement runs inside the writer process, which stops itself just before the last
 *   statement and is killed there; the data directory is then reopened here.
 */
export async function runWriter(shared: SharedDatabase, options: { count: number; lastEmail: string; kill: boolean }): Promise<WriterOutcome> {
  const knex = shared.tessera.database.knex;
  const onServer = 'databaseUrl' in shared.target;
  const lock = onServer && options.kill ? await knex.transaction() : undefined;
  if (lock) await lock.raw('SELECT id FROM ws_acme.people WHERE email = ? FOR UPDATE', [options.lastEmail]);
  if (!onServer) await shared.tessera.close();
  const args = { ...shared.target, count: options.count, lastEmail: options.lastEmail, pauseBeforeLast: options.kill && !onServer };
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'test/bulk-writer-process.ts', JSON.stringify(args)], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<WriterOutcome>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout })));
  let ended = false;
  void exited.then(() => { ended = true; });
  const giveUp = (what: string) => () => (ended ? `the writer ended before ${what}: ${stdout}${stderr}` : undefined);
  if (options.kill) {
    await poll(() => (stdout.includes('writing') ? true : undefined), giveUp('its last statement'));
    const blocked = lock ? await poll(async () => {
      const { rows } = await knex.raw(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
        AND backend_xid IS NOT NULL AND query LIKE '%jsonb_to_recordset%'`);
      return (rows as { pid: number }[])[0]?.pid;
    }, giveUp('blocking on the row lock')) : undefined;
    child.kill('SIGKILL');
    await exited;
    await lock?.rollback();
    if (blocked !== undefined) {
      await poll(async () => {
        const { rows } = await knex.raw('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ?', [blocked]);
        return (rows as { n: number }[])[0]!.n === 0 ? true : undefined;
      });
    }
  }
  const outcome = await exited;
  if (!onServer) shared.tessera = await Tessera.open(shared.target as { dataDir: string });
  if (!options.kill && outcome.code !== 0) throw new Error(`the writer failed: ${stderr}`);
  return outcome;
}
