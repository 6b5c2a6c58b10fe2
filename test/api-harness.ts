import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Tessera } from '../packages/core/src/index.js';
import { openTestDatabase } from '../packages/core/src/testing/index.js';
import { createApp } from '../packages/server/src/index.js';

/** A real HTTP server on a random port over a fresh test database. */
export interface ApiHarness {
  tessera: Tessera;
  url: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, any> }>;
  close(): Promise<void>;
}

/** Starts the app on PGlite or PostgreSQL (DATABASE_URL), as the rest of the suite; `studioDir` serves a built studio at /. */
export async function startApiHarness(options: { studioDir?: string } = {}): Promise<ApiHarness> {
  const tessera = await Tessera.attach(await openTestDatabase());
  const app = createApp({ tessera, logger: pino({ level: 'silent' }), ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server: Server = app.server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    tessera, url,
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await fetch(`${url}${path}`, init);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) as Record<string, any> : {} };
    },
    async close() {
      await app.close();
      await tessera.close();
    },
  };
}
