/**
 * Benchmark: sign-in throughput over HTTP with the chosen argon2id settings (64 MiB, 2 passes).
 * The real server (createApp, Fastify 5) in its own process on PostgreSQL; autocannon in this one.
 *
 * Against two references measured in the same run, on the same machine:
 * - a bare argon2 verify loop (the same hash settings, as many verifies in flight as the load has
 *   connections): what sign-in could reach if HTTP, the lock-out bookkeeping, the session row and
 *   the audit row cost nothing. Target: sign-ins/s >= 0.7 × verifies/s.
 * - GET /api/auth/session with a valid cookie on the same server: an authenticated request that
 *   hashes no password, to show what a password hash costs next to it (information).
 * Also, for information: failed sign-ins of unknown emails (each a new email: the dummy hash,
 * the failure row and the audit row).
 *
 * Run alone: npx tsx bench/sign-in.ts   (the server process: bench/sign-in.ts serve <databaseUrl>)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Argon2 from '../packages/core/node_modules/@node-rs/argon2/index.js';
import { autocannon, type AutocannonOptions, type AutocannonResult } from './deps.js';
import { compare, dropDatabase, fmt, freshDatabase, isMain, median, progress, writeReport, type BenchReport } from './report.js';
import { passwordHashOptions } from '../packages/core/src/index.js';

// The very argon2 binding the engine hashes with (the root does not hoist it; see deps.ts).
const { hash, verify } = createRequire(new URL('../packages/core/package.json', import.meta.url))('@node-rs/argon2') as typeof Argon2;

const databaseName = 'tessera_bench_signin';
const password = 'bench password, long enough';
/** Users signing in in turn: people, not one account signed in 8 times at once (that is refused past 5 in flight). */
const users = 32;
const emailOf = (index: number) => `bench${index % users}@example.com`;

/** autocannon's options for a POST, and per-request bodies (typed here: deps.ts types GETs). */
type LoadOptions = AutocannonOptions & { method?: string; body?: string; requests?: { setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }[] };
const load = autocannon as unknown as (options: LoadOptions) => Promise<AutocannonResult>;

/** In the server process: the real app with sign-ins unlimited per IP, and one user to sign in. */
async function serve(databaseUrl: string): Promise<void> {
  const { Tessera, asSystem } = await import('../packages/core/src/index.js');
  const { createApp } = await import('../packages/server/src/index.js');
  const pino = (await import('pino')).default;
  const tessera = await Tessera.open({ databaseUrl });
  for (let index = 0; index < users; index += 1) await tessera.accounts.createUser(asSystem('sign-in benchmark'), { email: emailOf(index), name: 'bench', password });
  const app = createApp({ tessera, logger: pino({ level: 'warn' }), signInsPerMinute: 1_000_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.once('SIGTERM', () => { void app.close().then(() => tessera.close()).then(() => process.exit(0)); });
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', databaseUrl], {
    cwd: fileURLToPath(new URL('../', import.meta.url)), execArgv: ['--import', 'tsx'], env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [message] = await Promise.race([once(child, 'message'), once(child, 'exit').then(() => { throw new Error('the sign-in server exited before listening'); })]) as [{ port: number }];
  return { child, port: message.port };
}

/** Verifies per second with `inFlight` verifies running at once, for `seconds`. */
async function verifyLoop(storedHash: string, inFlight: number, seconds: number): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (performance.now() < until) {
      if (!(await verify(storedHash, password))) throw new Error('the reference hash does not verify');
      done += 1;
    }
  }));
  return done / seconds;
}

function summary(result: AutocannonResult): string {
  return `${fmt(result.requests.average, 1)} req/s, p50 ${fmt(result.latency.p50)} ms, p99 ${fmt(result.latency.p99)} ms, ${fmt(result.requests.total)} requests, ${result.non2xx} non-2xx, ${result.errors} errors`;
}

/** Runs the benchmark: 3 rounds of each side, medians compared. */
export async function runSignIn(options: { connections?: number; duration?: number; rounds?: number } = {}): Promise<BenchReport> {
  const connections = options.connections ?? 8;
  const duration = options.duration ?? 6;
  const rounds = options.rounds ?? 3;
  const databaseUrl = await freshDatabase(databaseName);
  const server = await startServer(databaseUrl);
  const base = `http://127.0.0.1:${server.port}`;
  try {
    let next = 0;
    const signIn = {
      url: `${base}/api/auth/sign-in`, method: 'POST', headers: { 'content-type': 'application/json' }, connections, duration,
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, body: JSON.stringify({ email: emailOf(next++), password }) }) }],
    };
    const first = await fetch(signIn.url, { method: 'POST', headers: signIn.headers, body: JSON.stringify({ email: emailOf(0), password }) });
    if (first.status !== 200) throw new Error(`sign-in answered ${first.status}: ${await first.text()}`);
    const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
    const session = { url: `${base}/api/auth/session`, headers: { cookie }, connections, duration };
    let unknownCount = 0;
    const unknown = {
      ...signIn,
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, body: JSON.stringify({ email: `nobody-${process.pid}-${unknownCount++}@example.com`, password }) }) }],
    };
    const referenceHash = await hash(password, passwordHashOptions);
    const runs: Record<'signIn' | 'session' | 'unknown', AutocannonResult[]> & { verify: number[] } = { signIn: [], session: [], unknown: [], verify: [] };
    await load({ ...signIn, duration: 2 });
    for (let round = 1; round <= rounds; round += 1) {
      progress(`sign-in: round ${round}/${rounds}, ${duration} s each × ${connections} connections`);
      runs.verify.push(await verifyLoop(referenceHash, connections, duration));
      runs.signIn.push(await load(signIn));
      runs.session.push(await load(session));
      runs.unknown.push(await load(unknown));
      progress(`  argon2 verify ${fmt(runs.verify.at(-1)!, 1)}/s; sign-in ${summary(runs.signIn.at(-1)!)}; session ${summary(runs.session.at(-1)!)}`);
    }
    const middle = (results: AutocannonResult[]) => [...results].sort((a, b) => a.requests.average - b.requests.average)[results.length >> 1]!;
    const [signInRun, sessionRun, unknownRun, verifies] = [middle(runs.signIn), middle(runs.session), middle(runs.unknown), median(runs.verify)];
    const signIns = signInRun.requests.average;
    return {
      name: 'sign-in',
      title: `Sign-in over HTTP (argon2id m=${passwordHashOptions.memoryCost} KiB, t=${passwordHashOptions.timeCost}, p=${passwordHashOptions.parallelism}; ${connections} connections, ${rounds} rounds of ${duration} s)`,
      reference: `a bare argon2 verify loop with the same settings and ${connections} verifies in flight; GET /api/auth/session with a valid cookie on the same server`,
      comparisons: [
        compare('successful sign-ins/s vs bare argon2 verifies/s', fmt(signIns, 1), fmt(verifies, 1), signIns / verifies, '>= 0.7'),
        compare('successful sign-ins/s vs GET /api/auth/session req/s', fmt(signIns, 1), fmt(sessionRun.requests.average, 1), signIns / sessionRun.requests.average),
        compare('failed sign-ins of unknown emails/s vs bare argon2 verifies/s', fmt(unknownRun.requests.average, 1), fmt(verifies, 1), unknownRun.requests.average / verifies),
        compare('sign-in p99 latency ms vs one verify at a time (ms)', fmt(signInRun.latency.p99), fmt(1000 * connections / verifies, 1), signInRun.latency.p99 / (1000 * connections / verifies)),
      ],
      notes: [
        `server: createApp({ tessera }) from packages/server on PostgreSQL (database ${databaseName}) in its own Node process (libuv pool of 4 threads, where @node-rs/argon2 hashes), sign-in rate limit per IP lifted for the run, pino at level warn; autocannon and the bare verify loop in the benchmark's process, one after the other.`,
        `successful sign-ins rotate over ${users} users. A successful sign-in: the email's attempt reserved (a transaction on sign_in_failures), the user read, one argon2 verify, then one transaction clearing failures, inserting the session and appending the audit row.`,
        'unknown emails: each request a new email, so none is ever locked: the dummy verify, a failure row and an audit row, then 401.',
        `median round of each: sign-in ${summary(signInRun)}; session ${summary(sessionRun)}; unknown emails ${summary(unknownRun)}; bare verifies ${fmt(verifies, 1)}/s.`,
        `every round: sign-in ${runs.signIn.map((run) => fmt(run.requests.average, 1)).join(', ')} req/s; session ${runs.session.map((run) => fmt(run.requests.average, 1)).join(', ')} req/s; unknown ${runs.unknown.map((run) => fmt(run.requests.average, 1)).join(', ')} req/s; verifies ${runs.verify.map((value) => fmt(value, 1)).join(', ')}/s.`,
        'the figures are for this machine; the ratio to the bare verify loop is what travels: it says how much of a sign-in\'s cost is the hash, which is the point of the hash.',
      ],
    };
  } finally {
    if (server.child.exitCode === null) {
      const exited = once(server.child, 'exit');
      server.child.kill('SIGTERM');
      await exited;
    }
    if (!process.env.BENCH_KEEP_DB) await dropDatabase(databaseName);
  }
}

if (isMain(import.meta.url)) {
  if (process.argv[2] === 'serve') await serve(process.argv[3]!);
  else await writeReport(await runSignIn());
}
