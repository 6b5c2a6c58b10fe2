import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who holds an embedded (PGlite) database directory: one process at a time may open it. */
export interface DataDirHolder {
  pid: number;
  url: string;
}

const lockFile = (dataRoot: string) => join(dataRoot, 'server.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The running server that holds the embedded database under `dataRoot`, if any. PGlite is one
 * process's database: a second process opening the same files would corrupt them, so the CLI asks
 * before it opens them (a stale lock of a dead process does not count).
 */
export function dataDirHolder(dataRoot: string): DataDirHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockFile(dataRoot), 'utf8')) as DataDirHolder;
    return holder.pid !== process.pid && alive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Marks the embedded database as held by this server; answers the release. */
export function holdDataDir(dataRoot: string, url: string): () => void {
  writeFileSync(lockFile(dataRoot), JSON.stringify({ pid: process.pid, url } satisfies DataDirHolder));
  return () => rmSync(lockFile(dataRoot), { force: true });
}
