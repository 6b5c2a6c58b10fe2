import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TesseraError } from '@tessera/core';

/** An uploaded file as the server keeps it. */
export interface StoredUpload {
  path: string;
  name: string;
  size: number;
}

interface UploadMeta {
  name: string;
  uploadedBy: string;
  size: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function limitTo(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? new TesseraError('PAYLOAD_TOO_LARGE', { limit: `${Math.round(maxBytes / 1024 / 1024)} MB` }) : null, chunk);
    },
  });
}

/**
 * Files uploaded for import, streamed to disk under `<dir>/<workspace id>/<uuid>` (never held in
 * memory, never named by the client: the name is kept aside, as metadata). A file is only handed
 * back to the user who uploaded it. With several server processes, `dir` must be shared storage.
 */
export class UploadStore {
  constructor(private readonly dir: string, private readonly maxBytes: number) {}

  /** Streams a request body to disk; throws PAYLOAD_TOO_LARGE (and keeps nothing) past the limit. */
  async save(body: Readable, workspaceId: number, name: string, uploadedBy: string): Promise<{ fileId: string; size: number }> {
    const folder = join(this.dir, String(workspaceId));
    await mkdir(folder, { recursive: true });
    const fileId = randomUUID();
    const path = join(folder, fileId);
    let size = 0;
    const count = new Transform({ transform(chunk: Buffer, _encoding, done) { size += chunk.length; done(null, chunk); } });
    try {
      await pipeline(body, limitTo(this.maxBytes), count, createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    await writeFile(`${path}.json`, JSON.stringify({ name: name.slice(0, 255), uploadedBy, size } satisfies UploadMeta));
    return { fileId, size };
  }

  /**
   * Deletes uploads older than `maxAgeMs` (by their time on disk): an upload an import used is
   * deleted when that import ends; one that was only previewed, or whose import never started,
   * goes here. Files of unfinished imports (`inUse`) stay, however old. Answers how many were deleted.
   */
  async sweep(maxAgeMs: number, inUse: () => Promise<Set<string>>, now = Date.now()): Promise<number> {
    let deleted = 0;
    let used: Set<string> | undefined;
    const workspaces = await readdir(this.dir).catch(() => [] as string[]);
    for (const workspace of workspaces) {
      const folder = join(this.dir, workspace);
      for (const entry of await readdir(folder).catch(() => [] as string[])) {
        if (!uuid.test(entry)) continue;
        const path = join(folder, entry);
        const modified = await stat(path).then((info) => info.mtimeMs, () => undefined);
        if (modified === undefined || now - modified < maxAgeMs) continue;
        used ??= await inUse();
        if (used.has(path)) continue;
        await rm(path, { force: true });
        await rm(`${path}.json`, { force: true });
        deleted += 1;
      }
    }
    return deleted;
  }

  /** The upload `fileId` of this workspace, if `userId` uploaded it; NOT_FOUND otherwise. */
  async get(workspaceId: number, fileId: unknown, userId: string): Promise<StoredUpload> {
    const missing = new TesseraError('NOT_FOUND', { what: `uploaded file ${String(fileId).slice(0, 64)}` });
    if (typeof fileId !== 'string' || !uuid.test(fileId)) throw missing;
    const path = join(this.dir, String(workspaceId), fileId.toLowerCase());
    const meta = await readFile(`${path}.json`, 'utf8').then((text) => JSON.parse(text) as UploadMeta, () => undefined);
    if (!meta || meta.uploadedBy !== userId) throw missing;
    return { path, name: meta.name, size: meta.size };
  }
}
