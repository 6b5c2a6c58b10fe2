import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
