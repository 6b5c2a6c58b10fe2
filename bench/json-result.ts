/**
 * The machine-readable twin of a benchmark's markdown report: bench/results/<name>.json with the
 * raw samples, so that a later run (or a chart) can compare figures without parsing markdown.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Machine } from './report.js';

const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * The commit measured, e.g. `9f69baa`, with `+ uncommitted changes in <paths>` when the working
 * tree differs under them (several people work in one checkout: the build may hold their work in progress).
 */
export function measuredCommit(paths: string[]): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();
    const commit = git('log', '-1', '--format=%h');
    const dirty = git('status', '--porcelain', '--', ...paths) !== '';
    return dirty ? `${commit} + uncommitted changes in ${paths.join(', ')}` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Writes bench/results/<name>.json: the date, the machine, and whatever the benchmark measured. */
export function writeJsonResult(name: string, machine: Partial<Machine>, data: Record<string, unknown>): void {
  const directory = new URL('./results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  const body = { name, date: new Date().toISOString(), machine, ...data };
  writeFileSync(new URL(`${name}.json`, directory), `${JSON.stringify(body, null, 2)}\n`);
}
