import { writeSync } from 'node:fs';
import { Tessera, bulkWrite } from '../packages/core/src/index.js';

/**
 * A separate process that writes one large bulk upsert into people of workspace `acme`, so that a
 * test can kill it with SIGKILL in the middle of its transaction. Run with
 * `node --no-node-snapshot --import tsx test/bulk-writer-process.ts <json options>`.
 *
 * - `databaseUrl` or `dataDir`: the database the test prepared.
 * - `count`: new records written before `lastEmail`, the last record (a row that already exists).
 * - `pauseBeforeLast`: block this process for good just before the statement carrying `lastEmail`
 *   is handed to the database, after every earlier statement ran in the transaction. PGlite runs
 *   a statement synchronously inside this process, so this is where it can be killed mid-write.
 *
 * Prints `writing` when that statement is about to be sent, `done` if the upsert ever commits.
 */
interface Options {
  databaseUrl?: string;
  dataDir?: string;
  count: number;
  lastEmail: string;
  pauseBeforeLast?: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const say = (line: string) => writeSync(1, `${line}\n`);
const tessera = await Tessera.open(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir! });
tessera.database.knex.on('query', (query: { bindings?: unknown[] }) => {
  if (!query.bindings?.some((binding) => typeof binding === 'string' && binding.includes(options.lastEmail))) return;
  say('writing');
  if (options.pauseBeforeLast) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
const records = Array.from({ length: options.count }, (_, index) => ({ name: `killed ${index}`, email: `killed${index}@example.com`, age: index % 100 }));
records.push({ name: 'killed last', email: options.lastEmail, age: 99 });
await bulkWrite(await tessera.system('acme', 'killed-writer'), 'people', 'upsert', records, 'email');
say('done');
await tessera.close();
