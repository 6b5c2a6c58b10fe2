/**
 * Benchmark 3: the list endpoint of the real HTTP API (packages/server createApp, Fastify 5) under
 * load, against a bare node:http + pg endpoint running the same SQL, on the 1,000,000 customers of
 * benchmark 2. autocannon, 50 connections, 10 s per side after a warm-up; each server runs in its
 * own process (bench/list-server.ts), autocannon in this one. Same run, same database.
 *
 * The main scenario is benchmark 2's query (target: engine req/s >= 0.7 × bare). A point lookup by
 * phone is loaded too, for information: there the database does little and the HTTP stack shows.
 *
 * Run alone: npx tsx bench/list-load.ts (loads the 1M rows first)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { autocannon, pg, type AutocannonResult } from './deps.js';
import { runAloneOnListDataset, type ListDataset } from './list-dataset.js';
import { mainFilter } from './list-query.js';
import { compare, fmt, isMain, progress, type BenchReport, type Comparison } from './report.js';

export interface ListLoadOptions {
  connections?: number;
  /** seconds measured per side */
  duration?: number;
  /** seconds of warm-up per side and round */
  warmup?: number;
  /** rounds per scenario; each round loads both sides, alternating which goes first */
  rounds?: number;
}

type Side = 'engine' | 'bare';

interface Started {
  child: ChildProcess;
  port: number;
  /** The engine's API key; the bare endpoint ignores the header, so both get the same requests. */
  headers: Record<string, string>;
}

const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/** Starts bench/list-server.ts in its own process; resolves with its port, or rejects with why it could not start. */
async function startServer(side: Side, dataset: ListDataset): Promise<Started> {
  const child = fork(fileURLToPath(new URL('./list-server.ts', import.meta.url)), [side, dataset.url, dataset.slug], {
    cwd: repositoryRoot,
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server (node --cpu-prof) when it stops.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/${side}`] : [])],
    // Request logs off (level warn) on the engine's pino logger: the bare server does not log either.
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const message: { port?: number; token?: string; error?: string } = await Promise.race([
    once(child, 'message').then(([first]) => first as { port?: number; token?: string; error?: string }),
    once(child, 'exit').then(([code]) => ({ error: `exited with code ${String(code)}: ${stderr.trim().split('\n').slice(-5).join(' / ')}` })),
    new Promise<{ error: string }>((resolve) => setTimeout(() => resolve({ error: 'did not start within 60 s' }), 60_000).unref()),
  ]);
  if (!message.port) {
    child.kill();
    throw new Error(message.error ?? 'no port');
  }
  return { child, port: message.port, headers: message.token ? { authorization: `Bearer ${message.token}` } : {} };
}

async function stopServer(server: Started | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

interface Scenario {
  name: string;
  path: string;
  target?: string;
}

async function idsOf(server: Started, path: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: server.headers });
  if (!response.ok) throw new Error(`GET ${path} on port ${server.port}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  const body = await response.json() as { data: { id: string }[] };
  return body.data.map((row) => row.id).join(',');
}

async function load(server: Started, path: string, connections: number, duration: number): Promise<AutocannonResult> {
  return autocannon({ url: `http://127.0.0.1:${server.port}${path}`, connections, duration, headers: server.headers });
}

function summary(result: AutocannonResult): string {
  return `${fmt(result.requests.average, 1)} req/s, p50 ${fmt(result.latency.p50)} ms, p99 ${fmt(result.latency.p99)} ms, ${fmt(result.requests.total)} requests, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`;
}

export async function runListLoad(dataset: ListDataset, options: ListLoadOptions = {}): Promise<BenchReport> {
  const connections = options.connections ?? 50;
  const duration = options.duration ?? 8;
  const warmup = options.warmup ?? 2;
  const rounds = options.rounds ?? 3;
  const pool = new pg.Pool({ connectionString: dataset.url, max: 1 });
  const { rows: [someone] } = await pool.query<{ phone: string }>(`SELECT phone FROM ${dataset.schema}.customers ORDER BY id LIMIT 1 OFFSET ${Math.floor(dataset.rows * 0.65)}`);
  await pool.end();
  const scenarios: Scenario[] = [
    { name: 'city = 杭州市 AND total_spent >= 1000, sort -total_spent, 50 rows', path: `/api/w/${dataset.slug}/data/customers?${new URLSearchParams({ filter: JSON.stringify(mainFilter), sort: '-total_spent', limit: '50' })}`, target: '>= 0.7' },
    { name: 'info: point lookup (phone = …)', path: `/api/w/${dataset.slug}/data/customers?${new URLSearchParams({ filter: JSON.stringify({ field: 'phone', op: 'eq', value: someone!.phone }), limit: '50' })}` },
  ];
  const servers: Partial<Record<Side, Started>> = {};
  const comparisons: Comparison[] = [];
  const notes: string[] = [];
  let engineProblem: string | undefined;
  try {
    servers.bare = await startServer('bare', dataset);
    try {
      servers.engine = await startServer('engine', dataset);
    } catch (error) {
      engineProblem = `the real HTTP API could not be started: ${error instanceof Error ? error.message : String(error)}`;
    }
    for (const scenario of scenarios) {
      if (servers.engine) {
        const [engineIds, bareIds] = [await idsOf(servers.engine, scenario.path), await idsOf(servers.bare, scenario.path)];
        if (engineIds !== bareIds) throw new Error(`the two servers answer ${scenario.name} differently`);
      }
      // Several short rounds, alternating which side goes first: a shared machine's noise then
      // falls on both sides instead of on whichever ran during a slow spell.
      const runs: Record<Side, AutocannonResult[]> = { engine: [], bare: [] };
      for (let round = 1; round <= rounds; round += 1) {
        const order: Side[] = round % 2 === 1 ? ['bare', 'engine'] : ['engine', 'bare'];
        for (const side of order) {
          const server = servers[side];
          if (!server) continue;
          progress(`list-load: ${scenario.name} — round ${round}/${rounds}, ${side}: ${warmup} s warm-up, ${duration} s × ${connections} connections`);
          await load(server, scenario.path, connections, warmup);
          const result = await load(server, scenario.path, connections, duration);
          runs[side].push(result);
          progress(`  ${side}: ${summary(result)}`);
          if (result.non2xx > 0 || result.errors > 0) notes.push(`${side} had ${result.non2xx} non-2xx answers and ${result.errors} errors on ${scenario.name}.`);
        }
      }
      const middle = (side: Side) => runs[side].length === 0 ? undefined : [...runs[side]].sort((a, b) => a.requests.average - b.requests.average)[runs[side].length >> 1];
      const results: Partial<Record<Side, AutocannonResult>> = { engine: middle('engine'), bare: middle('bare') };
      const { engine, bare } = results;
      if (engine && bare) {
        comparisons.push(compare(`${scenario.name}: req/s`, fmt(engine.requests.average, 1), fmt(bare.requests.average, 1), engine.requests.average / bare.requests.average, scenario.target));
        comparisons.push(compare(`${scenario.name}: p99 latency ms`, fmt(engine.latency.p99), fmt(bare.latency.p99), engine.latency.p99 / bare.latency.p99));
        notes.push(`${scenario.name}, the median round of each side: engine ${summary(engine)}; bare ${summary(bare)}.`);
        notes.push(`${scenario.name}, every round (req/s): engine ${runs.engine.map((run) => fmt(run.requests.average, 1)).join(', ')}; bare ${runs.bare.map((run) => fmt(run.requests.average, 1)).join(', ')}.`);
      } else if (bare) {
        comparisons.push({ measure: `${scenario.name}: req/s`, core: 'not run', reference: fmt(bare.requests.average, 1), ratio: NaN, ...(scenario.target ? { target: scenario.target } : {}), result: 'NOT RUN' });
        notes.push(`${scenario.name}: bare ${summary(bare)}.`);
      }
    }
  } finally {
    await stopServer(servers.engine);
    await stopServer(servers.bare);
  }
  return {
    name: 'list-load',
    title: `List endpoint under load (${connections} connections, ${rounds} rounds of ${duration} s): real HTTP API vs bare node:http + pg`,
    reference: 'a bare node:http server with a pg Pool (max 10, like the engine\'s knex pool) running the same SQL as benchmark 2\'s hand-written side',
    comparisons,
    notes: [
      ...(engineProblem ? [`NOT RUN for the engine: ${engineProblem}`] : []),
      `engine: createApp({ tessera }) from packages/server, GET /api/w/${dataset.slug}/data/customers?filter=…&sort=-total_spent&limit=50 with an API key (Authorization: Bearer; key lookup, membership and access policy on every request), pino request logging at level warn (off) like the bare server; bare: the same route answered by node:http with the SQL of benchmark 2. Both answer the same records (checked before loading).`,
      'the engine sends its reads as named prepared statements and remembers compiled filters (see benchmark 2); the bare server sends its SQL unnamed with pool.query(text, values) and parses nothing but the query string.',
      `autocannon ${connections} connections; ${rounds} rounds per scenario, each loading both sides one at a time (alternating which goes first) with ${warmup} s warm-up then ${duration} s measured; the figures are each side's median round (by req/s); each server in its own Node process, autocannon in the benchmark's process, PostgreSQL on the same machine.`,
      ...notes,
    ],
  };
}

if (isMain(import.meta.url)) await runAloneOnListDataset((dataset) => runListLoad(dataset));
