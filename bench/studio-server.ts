/**
 * The server process of the studio benchmark, started by studio-first-page.ts
 * (node --import tsx bench/studio-server.ts <databaseUrl> <workspace> <studioDir>): the real app
 * (createApp from packages/server, Fastify 5) serving a production studio build and the API over
 * the list dataset, as `pnpm start` would. It tells its port and the credentials of a workspace
 * admin to sign in with to the parent over IPC.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Tessera, asSystem, putMembership } from '../packages/core/src/index.js';
import { createApp } from '../packages/server/src/index.js';

/** A person who signs in to the studio: a member holding the built-in admin role, not a platform admin. */
const email = 'bench-studio@example.com';
const password = 'bench studio password 0123456789';

/** Creates the user on a fresh database; on a reused one (BENCH_REUSE_DB) the same user is already there. */
async function benchMember(tessera: Tessera, workspace: string): Promise<void> {
  const knex = tessera.database.knex;
  const found = await knex('tessera.users').where({ email }).first('id') as { id: string } | undefined;
  const userId = found?.id ?? (await tessera.accounts.createUser(asSystem('studio bench'), { email, name: 'bench', password })).id;
  await putMembership(knex, { userId, workspaceId: (await tessera.workspace(workspace)).id, role: 'admin', teams: [], regions: [] });
}

const [databaseUrl, workspace, studioDir] = process.argv.slice(2);
if (!databaseUrl || !workspace || !studioDir) {
  console.error('usage: studio-server.ts <databaseUrl> <workspace> <studioDir>');
  process.exit(2);
}
try {
  const tessera = await Tessera.open({ databaseUrl });
  await benchMember(tessera, workspace);
  // Request logs off (level warn): a log line per request is not what is measured.
  const app = createApp({ tessera, logger: pino({ level: 'warn' }), studioDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('SIGTERM', () => { void app.close().then(() => tessera.close()).then(() => process.exit(0)); });
  // A benchmark that died without stopping its server leaves no orphan holding the database.
  process.once('disconnect', () => process.exit(0));
  process.send?.({ port: (app.server.address() as AddressInfo).port, email, password });
} catch (error) {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
