/**
 * Helpers shared by the benchmarks: their databases, timing statistics, and the markdown report
 * each one writes to bench/results/<name>.md (and prints to stdout).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pg } from './deps.js';

/** Server URL the benchmarks connect to (its database is only used to create their own). */
export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export function adminUrl(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl;
}

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(name: string, serverUrl = adminUrl()): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates a database for one benchmark; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return databaseUrl(name);
}

/** Drops a benchmark database (at the end of a run, to give the disk back). */
export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Machine facts printed with every result. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  postgres: string;
}

/** The machine's facts that need no database (the studio bundle benchmark runs without one). */
export function hostInfo(): Omit<Machine, 'postgres'> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export async function machineInfo(url = adminUrl()): Promise<Machine> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return { ...hostInfo(), postgres: `PostgreSQL ${rows[0]?.server_version ?? '?'}` };
  } finally {
    await client.end();
  }
}

/** Value at quantile q (0..1) of a list of numbers (nearest rank). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Milliseconds since `start` (performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}

/** A number with thousands separators and `digits` decimals. */
export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** One measured comparison: the engine's figure against its reference, and the target on their ratio. */
export interface Comparison {
  measure: string;
  core: string;
  reference: string;
  /** core / reference */
  ratio: number;
  /** e.g. ">= 0.3" or "<= 1.2"; undefined for an informative row */
  target?: string;
  pass?: boolean;
  /** Shown instead of PASS/FAIL (e.g. NOT RUN). */
  result?: string;
}

/** A benchmark's result: what it compares, the rows, and free-form notes (method, findings). */
export interface BenchReport {
  name: string;
  title: string;
  reference: string;
  comparisons: Comparison[];
  notes: string[];
  details?: string[];
  /** CPU idle share measured just before the benchmark started (waitForQuiet). */
  idleBefore?: number;
}

/** Checks a ratio against a target written as ">= x" or "<= x". */
export function meets(ratio: number, target: string): boolean {
  const match = /^(>=|<=)\s*([\d.]+)$/.exec(target.trim());
  if (!match) throw new Error(`bad target ${target}`);
  return match[1] === '>=' ? ratio >= Number(match[2]) : ratio <= Number(match[2]);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as markdown. */
export function renderReport(report: BenchReport, machine: Machine, date = new Date()): string {
  const lines = [
    `# ${report.title}`,
    '',
    '| | |',
    '| --- | --- |',
    `| date | ${date.toISOString().replace('T', ' ').slice(0, 19)} UTC |`,
    `| machine | ${cell(machine.cpu)}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${cell(machine.os)} |`,
    `| software | Node ${machine.node}, ${cell(machine.postgres)} |`,
    `| machine load | ${report.idleBefore === undefined ? '' : `CPU ${(report.idleBefore * 100).toFixed(0)} % idle just before the start; `}load average ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')} (1 / 5 / 15 min) at the end, this benchmark included |`,
    `| reference | ${cell(report.reference)} |`,
    '',
    '| measure | core | reference | ratio core/ref | target | result |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...report.comparisons.map((row) => `| ${cell(row.measure)} | ${cell(row.core)} | ${cell(row.reference)} | ${Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : 'n/a'} | ${row.target ?? 'info'} | ${row.result ?? (row.target === undefined ? '' : row.pass ? 'PASS' : 'FAIL')} |`),
    '',
  ];
  if (report.notes.length > 0) lines.push(...report.notes.map((note) => `- ${note}`), '');
  if (report.details && report.details.length > 0) lines.push(...report.details, '');
  return lines.join('\n');
}

/** Writes bench/results/<name>.md and prints the same text. Returns the markdown. */
export async function writeReport(report: BenchReport, machine?: Machine): Promise<string> {
  const text = renderReport(report, machine ?? await machineInfo());
  const directory = new URL('./results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  writeFileSync(new URL(`${report.name}.md`, directory), text);
  console.log(`\n${text}`);
  return text;
}

/** A comparison row with its pass/fail filled in. */
export function compare(measure: string, core: string, reference: string, ratio: number, target?: string): Comparison {
  return target === undefined ? { measure, core, reference, ratio } : { measure, core, reference, ratio, target, pass: meets(ratio, target) };
}

/** True when this module file is the script node was started with (not imported by run.ts). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return moduleUrl === pathToFileURL(resolve(entry)).href;
}

function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((sum, value) => sum + value, 0) };
  } catch {
    return undefined;
  }
}

/**
 * Waits (at most `maxSeconds`) until the machine has been mostly idle (>= 80 % CPU idle) for two
 * consecutive seconds, so that a benchmark does not start in the middle of someone else's build.
 * Returns the idle share of the last second (or undefined where /proc/stat does not exist).
 */
export async function waitForQuiet(maxSeconds = 60): Promise<number | undefined> {
  let calm = 0;
  let idle: number | undefined;
  for (let second = 0; second < maxSeconds; second += 1) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    if (!before || !after) return undefined;
    idle = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    calm = idle >= 0.8 ? calm + 1 : 0;
    if (calm >= 2) return idle;
    if (second === 2) progress(`waiting for the machine to calm down (CPU idle ${(idle * 100).toFixed(0)} %)`);
  }
  progress(`the machine stayed busy (CPU idle ${((idle ?? 0) * 100).toFixed(0)} %); going on anyway`);
  return idle;
}

/** Logs a progress line to stderr (stdout carries the reports). */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
