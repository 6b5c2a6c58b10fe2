/**
 * One import, alone in this process, so that its peak memory is its own: opens the benchmark's
 * database, starts the import of a file and runs its job here, then prints one JSON line with the
 * time, the counts and the peak RSS (VmHWM). Run by bench/import.ts:
 *   node --import tsx bench/import-child.ts '<json: databaseUrl, workspace, path, mapping, batchSize>'
 */
import { readFileSync } from 'node:fs';
import { JobWorker, Tessera, asSystem } from '../packages/core/src/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as { databaseUrl: string; workspace: string; path: string; mapping?: unknown; batchSize?: number };
const tessera = await Tessera.open({ databaseUrl: options.databaseUrl });
const principal = asSystem('import benchmark');
// The whole import is timed: the checks and the file's digest at the start as well as the batches.
const start = performance.now();
const started = await tessera.imports.start(options.workspace, principal, {
  object: 'customers', path: options.path, ...(options.mapping ? { mapping: options.mapping } : {}), ...(options.batchSize ? { batchSize: options.batchSize } : {}),
});
await new JobWorker(tessera.jobs, tessera.imports.jobHandler()).runOne(await tessera.imports.jobOf(started.id));
const ms = performance.now() - start;
const done = await tessera.imports.get(options.workspace, principal, started.id);
const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(`${JSON.stringify({ ms, status: done.status, counts: done.counts, peakRssMB: peakKiB / 1024 })}\n`);
await tessera.close();
