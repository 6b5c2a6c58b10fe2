/**
 * A server process for benchmark 3, started by list-load.ts (node --import tsx bench/list-server.ts
 * <engine|bare> <databaseUrl> <workspace>); it tells its port to the parent over IPC.
 *
 * - engine: the real HTTP API, createApp({ tessera }) from packages/server (Fastify 5).
 * - bare: node:http and a pg Pool of the same size as the engine's (10), running the same SQL as the
 *   hand-written side of benchmark 2 for GET /api/w/:workspace/data/customers?filter=…&sort=…&limit=….
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Tessera, workspaceSchemaName } from '../packages/core/src/index.js';
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

async function engineServer(databaseUrl: string): Promise<http.Server> {
  const module = (await import(serverModule)) as Partial<ServerModule>;
  if (typeof module.createApp !== 'function') throw new Error('packages/server/src/index.ts does not export createApp');
  const tessera = await Tessera.open({ databaseUrl });
  const app = module.createApp({ tessera });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.server;
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
  const server = mode === 'engine' ? await engineServer(databaseUrl) : await bareServer(databaseUrl, workspace);
  tell({ port: (server.address() as AddressInfo).port });
} catch (error) {
  tell({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
