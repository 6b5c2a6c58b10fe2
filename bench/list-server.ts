/**
 * A server process for benchmark 3, started by list-load.ts (node --import tsx bench/list-server.ts
 * <engine|bare> <databaseUrl> <workspace>); it tells its port (and the engine's API key) to the parent over IPC.
 *
 * - engine: the real HTTP API, createApp({ tessera }) from packages/server (Fastify 5), called with
 *   an API key (records:read) of a member holding the built-in admin role: authentication, the
 *   membership and the access policy are part of every request, as in production.
 * - bare: node:http and a pg Pool of the same size as the engine's (10), running the same SQL as the
 *   hand-written side of benchmark 2 for GET /api/w/:workspace/data/customers?filter=…&sort=…&limit=….
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Tessera, asSystem, putMembership, workspaceSchemaName } from '../packages/core/src/index.js';
import { pg } from './deps.js';
import { listColumns } from './customers-blueprint.js';

/** The contract of packages/server used here: createApp({ tessera }) returns a Fastify app. */
interface ServerModule {
  createApp(options: { tessera: Tessera }): { listen(options: { port: number; host: string }): Promise<string>; server: http.Server };
}

/**
 * Where the real app lives (a variable, so that a missing or half-written server fails here at run
 * time, not the typecheck). BENCH_SERVER_MODULE points elsewhere (another build of the server).
 */
const serverModule = process.env.BENCH_SERVER_MODULE ?? '../packages/server/src/index.js';

function tell(message: object): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

/** A workspace admin member with a read-only API key (made once per database). */
async function benchKey(tessera: Tessera, workspace: string): Promise<string> {
  const email = 'bench-load@example.com';
  const knex = tessera.database.knex;
  const found = await knex('tessera.users').where({ email }).first('id') as { id: string } | undefined;
  const userId = found?.id ?? (await tessera.accounts.createUser(asSystem('bench'), { email, name: 'bench', password: 'bench password 0123456789' })).id;
  await putMembership(knex, { userId, workspaceId: (await tessera.workspace(workspace)).id, role: 'admin', teams: [], regions: [] });
  const key = await tessera.accounts.createApiKey({ kind: 'user', userId, label: email, platformAdmin: false }, { name: 'bench', scopes: ['records:read'] });
  return key.token;
}

async function engineServer(databaseUrl: string, workspace: string): Promise<{ server: http.Server; token: string }> {
  const module = (await import(serverModule)) as Partial<ServerModule>;
  if (typeof module.createApp !== 'function') throw new Error('packages/server/src/index.ts does not export createApp');
  const tessera = await Tessera.open({ databaseUrl });
  const token = await benchKey(tessera, workspace);
  const app = module.createApp({ tessera });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { server: app.server, token };
}

interface Condition {
  field?: string;
  op?: string;
  value?: unknown;
}

/**
 * The bare endpoint: what a developer would write by hand for this one screen. It understands the
 * two filters the benchmark sends (city and amount, or phone), nothing more, and validates nothing.
 */
function bareServer(databaseUrl: string, workspace: string): Promise<http.Server> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const table = `${workspaceSchemaName(workspace)}.customers`;
  const columns = listColumns.join(', ');
  const byCity = `SELECT ${columns} FROM ${table} WHERE deleted_at IS NULL AND city = $1 AND total_spent >= $2
    ORDER BY total_spent DESC NULLS LAST, id ASC NULLS LAST LIMIT $3`;
  const byPhone = `SELECT ${columns} FROM ${table} WHERE deleted_at IS NULL AND phone = $1
    ORDER BY created_at DESC NULLS LAST, id ASC NULLS LAST LIMIT $2`;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || !/^\/api\/w\/[a-z0-9_-]+\/data\/customers$/.test(url.pathname)) return send(404, { error: 'not found' });
    let conditions: Condition[];
    try {
      const filter = JSON.parse(url.searchParams.get('filter') ?? '{}') as { and?: Condition[] } & Condition;
      conditions = filter.and ?? [filter];
    } catch {
      return send(400, { error: 'bad filter' });
    }
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 1000);
    const valueOf = (field: string) => conditions.find((condition) => condition.field === field)?.value;
    const query = valueOf('phone') !== undefined
      ? pool.query(byPhone, [valueOf('phone'), limit + 1])
      : pool.query(byCity, [valueOf('city'), valueOf('total_spent') ?? 0, limit + 1]);
    query.then(
      (result) => send(200, { data: result.rows.slice(0, limit), page: { limit, more: result.rows.length > limit } }),
      (error: Error) => send(500, { error: error.message }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const [mode, databaseUrl, workspace] = process.argv.slice(2);
if ((mode !== 'engine' && mode !== 'bare') || !databaseUrl || !workspace) {
  console.error('usage: list-server.ts <engine|bare> <databaseUrl> <workspace>');
  process.exit(2);
}
// Exit normally on SIGTERM, so that exit hooks (such as --cpu-prof) run.
process.on('SIGTERM', () => process.exit(0));
try {
  const { server, token } = mode === 'engine' ? await engineServer(databaseUrl, workspace) : { server: await bareServer(databaseUrl, workspace), token: undefined };
  tell({ port: (server.address() as AddressInfo).port, token });
} catch (error) {
  tell({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
