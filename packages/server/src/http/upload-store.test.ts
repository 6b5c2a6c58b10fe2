import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UploadStore } from './upload-store.js';

const dir = mkdtempSync(join(tmpdir(), 'tessera-upload-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the upload sweep', () => {
  it('deletes uploads older than the retention, except those an unfinished import reads', async () => {
    const store = new UploadStore(dir, 1024 * 1024);
    const save = async () => {
      const { fileId } = await store.save(Readable.from([Buffer.from('姓名\n张三\n')]), 7, 'a.csv', 'u1');
      return (await store.get(7, fileId, 'u1')).path;
    };
    const [old, oldInUse, fresh] = [await save(), await save(), await save()];
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    for (const path of [old, oldInUse]) utimesSync(path, twoDaysAgo, twoDaysAgo);
    expect(await store.sweep(24 * 60 * 60_000, async () => new Set([oldInUse]))).toBe(1);
    expect([old, oldInUse, fresh].map((path) => existsSync(path))).toEqual([false, true, true]);
    expect(existsSync(`${old}.json`)).toBe(false);
    expect(await store.sweep(24 * 60 * 60_000, async () => new Set())).toBe(1);
    expect(existsSync(fresh)).toBe(true);
  });

  it('sweeps nothing from a folder that does not exist yet', async () => {
    expect(await new UploadStore(join(dir, 'none'), 1024).sweep(0, async () => new Set())).toBe(0);
  });
});
