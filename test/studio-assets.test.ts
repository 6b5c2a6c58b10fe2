import { rm } from 'node:fs/promises';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { buildStudio } from './build-studio.js';

/** GETs a path without decoding the body (fetch would gunzip it). */
function raw(url: string, headers: Record<string, string>): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** How the server hands out the built studio: compressed at build time, hashed assets cached for good. */
describe('studio assets', () => {
  let api: ApiHarness;
  let studioDir: string;
  let asset: string;

  beforeAll(async () => {
    studioDir = await buildStudio();
    api = await startApiHarness({ studioDir });
    const html = await (await fetch(`${api.url}/`)).text();
    asset = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1] ?? 'no entry script in index.html';
  });

  afterAll(async () => {
    await api?.close();
    if (studioDir) await rm(studioDir, { recursive: true, force: true });
  });

  it('sends the gzip written at build time to a browser that accepts it, the plain file otherwise', async () => {
    const zipped = await raw(`${api.url}${asset}`, { 'accept-encoding': 'gzip, deflate' });
    const plain = await raw(`${api.url}${asset}`, { 'accept-encoding': 'identity' });
    expect(zipped.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('caches hashed assets for a year and makes the page revalidate', async () => {
    expect((await fetch(`${api.url}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${api.url}/index.html`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers the studio page on its own routes, so a reload of a deep link works', async () => {
    const response = await fetch(`${api.url}/w/default/records/customers?filter=%7B%7D`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });
});
