import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Tessera, apiKeyScopes, asSystem, type User } from '../packages/core/src/index.js';
import { openTestDatabase } from '../packages/core/src/testing/index.js';
import { createApp } from '../packages/server/src/index.js';

/** An answer: status, parsed JSON body ({} when empty) and headers. */
export interface ApiResponse {
  status: number;
  body: Record<string, any>;
  headers: Headers;
}

/** Sends one request; `body` is JSON-encoded unless it is already a string. */
export type Send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

/** A browser-like client signed in with a session cookie; it sends X-CSRF-Token on every request. */
export interface SessionClient {
  request: Send;
  user: User;
  cookie: string;
  csrfToken: string;
}

/** A real HTTP server on a random port over a fresh test database. */
export interface ApiHarness {
  tessera: Tessera;
  url: string;
  /** The platform admin the harness creates, and its password. */
  admin: { user: User; email: string; password: string };
  /** `Authorization` header value of the admin's API key that holds every scope. */
  authorization: string;
  /** A request as the platform admin, through the API key (every scope). */
  request: Send;
  /** A request with no credentials at all. */
  anonymous: Send;
  /** Signs in over HTTP (throws unless 200) and answers a cookie-based client. */
  signIn(email: string, password: string): Promise<SessionClient>;
  close(): Promise<void>;
}

const adminEmail = 'admin@harness.test';
const adminPassword = 'harness admin password';

/** The session cookie's `name=value` from a Set-Cookie answer. */
function sessionCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((line) => line.startsWith('tessera_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

/**
 * Starts the app on PGlite or PostgreSQL (DATABASE_URL), as the rest of the suite; `studioDir`
 * serves a built studio at /. Creates a platform admin and an API key with every scope for
 * `request()`. Sign-ins per IP are not limited here (tests sign in often from 127.0.0.1) unless
 * `signInsPerMinute` says otherwise. Uploads go to a temporary directory, removed at close.
 */
export async function startApiHarness(options: { studioDir?: string; signInsPerMinute?: number; trustProxy?: string; maxUploadBytes?: number } = {}): Promise<ApiHarness> {
  const tessera = await Tessera.attach(await openTestDatabase());
  const uploadDir = mkdtempSync(join(tmpdir(), 'tessera-uploads-'));
  const app = createApp({
    tessera, logger: pino({ level: 'silent' }), signInsPerMinute: options.signInsPerMinute ?? 100_000, uploadDir,
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    // A studio's pages always painted, however busy the machine: tests check what is painted, the benchmark how fast.
    ...(options.studioDir ? { studioDir: options.studioDir, firstPaintBudgetMs: 60_000 } : {}), ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server: Server = app.server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const send = (defaults: Record<string, string>): Send => async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...defaults, ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${url}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) as Record<string, any> : {}, headers: response.headers };
  };
  const anonymous = send({});
  const signIn = async (email: string, password: string): Promise<SessionClient> => {
    const response = await anonymous('POST', '/api/auth/sign-in', { email, password });
    if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
    const cookie = sessionCookieOf(response.headers);
    const csrfToken = response.body.csrfToken as string;
    return { request: send({ cookie, 'x-csrf-token': csrfToken }), user: response.body.user as User, cookie, csrfToken };
  };

  const user = await tessera.accounts.createUser(asSystem('test harness'), { email: adminEmail, name: 'Harness admin', password: adminPassword, platformAdmin: true });
  const session = await signIn(adminEmail, adminPassword);
  const key = await session.request('POST', '/api/auth/api-keys', { name: 'test harness', scopes: [...apiKeyScopes] });
  if (key.status !== 201) throw new Error(`the harness could not create its API key: ${key.status} ${JSON.stringify(key.body)}`);
  const authorization = `Bearer ${key.body.data.token as string}`;

  return {
    tessera, url, authorization, anonymous, signIn,
    admin: { user, email: adminEmail, password: adminPassword },
    request: send({ authorization }),
    async close() {
      await app.close();
      await tessera.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
