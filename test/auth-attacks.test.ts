import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type ApiResponse } from './api-harness.js';

let api: ApiHarness;
const password = 'the real password';
const injections = [`' OR 1=1 --`, `admin@harness.test' --`, `"; DROP TABLE tessera.users; --`, `x@example.com' OR '1'='1`, `\\'); DELETE FROM tessera.sessions; --`];

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
}

/** Everything an attack could have changed in the account tables, to compare before and after. */
async function accountState(): Promise<unknown> {
  const knex = api.tessera.database.knex;
  return {
    users: await knex('tessera.users').select('id', 'email', 'name', 'platform_admin', 'suspended_at', 'password_hash').orderBy('email'),
    sessions: await knex('tessera.sessions').select('token_hash', 'revoked_at').orderBy('token_hash'),
    keys: await knex('tessera.api_keys').select('id', 'revoked_at').orderBy('id'),
  };
}

/** Object.prototype's own keys and whether a polluted property shows on a fresh object. */
function prototypeState(): unknown {
  const fresh = {} as Record<string, unknown>;
  return { keys: Object.getOwnPropertyNames(Object.prototype).sort(), admin: fresh.admin, platformAdmin: fresh.platformAdmin, polluted: fresh.polluted };
}

describe('sign-in under attack', () => {
  beforeAll(async () => {
    api = await startApiHarness();
    const created = await api.request('POST', '/api/platform/users', { email: 'target@example.com', name: 'target', password });
    expect(created.status).toBe(201);
  });
  afterAll(async () => api.close());

  it('treats SQL injection in the email as a malformed address (400) and in the password as a wrong one (401), changing nothing', async () => {
    const before = await accountState();
    for (const attack of injections) {
      expectError(await api.anonymous('POST', '/api/auth/sign-in', { email: attack, password: attack }), 400, 'INVALID_EMAIL');
      const response = await api.anonymous('POST', '/api/auth/sign-in', { email: 'target@example.com', password: attack });
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(await accountState()).toEqual(before);
    await api.tessera.database.knex('tessera.sign_in_failures').where({ email: 'target@example.com' }).delete();
  });

  it('stores injection strings given as names as plain text, and refuses them as emails and ids', async () => {
    const before = await accountState();
    for (const attack of injections) {
      expectError(await api.request('POST', '/api/platform/users', { email: attack, name: 'x', password }), 400, 'INVALID_EMAIL');
      expectError(await api.request('PATCH', `/api/platform/users/${encodeURIComponent(attack)}`, { name: 'x' }), 404, 'NOT_FOUND');
      expectError(await api.request('POST', `/api/platform/users/${encodeURIComponent(attack)}/password`, { password: 'long enough pw' }), 404, 'NOT_FOUND');
    }
    expect(await accountState()).toEqual(before);
    const named = await api.request('POST', '/api/platform/users', { email: 'named@example.com', name: injections[2], password });
    expect(named.status).toBe(201);
    expect(named.body.data.name).toBe(injections[2]);
    expect(await api.tessera.database.knex('tessera.users').count({ n: '*' }).first()).toMatchObject({ n: 3 });
  });

  it('refuses prototype-polluting bodies with 400, with no effect on Object.prototype or on the users', async () => {
    const before = await accountState();
    const prototype = prototypeState();
    const bodies: [string, string][] = [
      ['/api/auth/sign-in', '{"__proto__":{"admin":true}}'],
      ['/api/auth/sign-in', `{"email":"target@example.com","password":"${password}","__proto__":{"platformAdmin":true}}`],
      ['/api/auth/sign-in', '{"email":"target@example.com","password":"x","constructor":{"prototype":{"polluted":true}}}'],
    ];
    for (const [path, body] of bodies) expectError(await api.anonymous('POST', path, body), 400, 'MALFORMED_JSON');
    const adminBodies: [string, string, string][] = [
      ['POST', '/api/platform/users', '{"email":"proto@example.com","name":"p","password":"long enough pw","__proto__":{"platformAdmin":true}}'],
      ['PATCH', `/api/platform/users/${api.admin.user.id}`, '{"__proto__":{"suspended":true}}'],
      ['POST', '/api/auth/api-keys', '{"name":"k","scopes":["records:read"],"constructor":{"prototype":{"admin":true}}}'],
    ];
    for (const [method, path, body] of adminBodies) expectError(await api.request(method, path, body), 400, 'MALFORMED_JSON');
    expect(await accountState()).toEqual(before);
    expect(prototypeState()).toEqual(prototype);
  });

  it('refuses oversized passwords with 400 before hashing them', async () => {
    const huge = 'p'.repeat(201);
    const before = await accountState();
    expectError(await api.anonymous('POST', '/api/auth/sign-in', { email: 'target@example.com', password: huge }), 400, 'INVALID_PASSWORD');
    expectError(await api.anonymous('POST', '/api/auth/sign-in', { email: 'target@example.com', password: 'p'.repeat(5_000_000) }), 400, 'INVALID_PASSWORD');
    expectError(await api.request('POST', '/api/platform/users', { email: 'big@example.com', name: 'big', password: huge }), 400, 'INVALID_PASSWORD');
    expectError(await api.request('POST', `/api/platform/users/${api.admin.user.id}/password`, { password: huge }), 400, 'INVALID_PASSWORD');
    const admin = await api.signIn(api.admin.email, api.admin.password);
    expectError(await admin.request('POST', '/api/auth/password', { current: api.admin.password, next: huge }), 400, 'INVALID_PASSWORD');
    const withoutNewSession = await accountState() as { sessions: unknown[] };
    expect({ ...withoutNewSession, sessions: withoutNewSession.sessions.length }).toEqual({ ...before as object, sessions: (before as { sessions: unknown[] }).sessions.length + 1 });
  });

  it('answers malformed JSON and non-object bodies with 400', async () => {
    expectError(await api.anonymous('POST', '/api/auth/sign-in', '{"email": "target@example.com",'), 400, 'MALFORMED_JSON');
    expectError(await api.anonymous('POST', '/api/auth/sign-in', '["target@example.com", "the real password"]'), 400, 'BAD_REQUEST');
    expectError(await api.anonymous('POST', '/api/auth/sign-in', '"target@example.com"'), 400, 'BAD_REQUEST');
    expectError(await api.anonymous('POST', '/api/auth/sign-in', { email: ['target@example.com'], password }), 400, 'INVALID_EMAIL');
    expectError(await api.anonymous('POST', '/api/auth/sign-in', { email: 'target@example.com', password: { $ne: '' } }), 400, 'INVALID_PASSWORD');
  });

  it('takes no forged, swapped or mixed credentials', async () => {
    const session = await api.signIn('target@example.com', password);
    const storedHash = (await api.tessera.database.knex('tessera.sessions').where({ csrf_token: session.csrfToken }).first()).token_hash as string;
    const key = (await session.request('POST', '/api/auth/api-keys', { name: 'k', scopes: ['records:read'] })).body.data.token as string;
    const forged: Record<string, string>[] = [
      { cookie: 'tessera_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      { cookie: `tessera_session=${storedHash}` },
      { cookie: `tessera_session=${session.csrfToken}` },
      { authorization: `Bearer ${session.cookie.split('=')[1]}` },
      { authorization: `Bearer ${key.slice(0, -2)}xx` },
      { authorization: `Bearer tsk_${'0'.repeat(32)}_${key.slice(-43)}` },
      { authorization: `Basic ${Buffer.from('target@example.com:the real password').toString('base64')}` },
      // A bad key is not rescued by a good cookie sent along.
      { authorization: 'Bearer nonsense', cookie: session.cookie },
    ];
    for (const headers of forged) expectError(await api.anonymous('GET', '/api/auth/session', undefined, headers), 401, 'UNAUTHENTICATED');
  });

  it('issues a fresh session token at every sign-in (no fixation) and never echoes secrets', async () => {
    const planted = 'tessera_session=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    const response = await api.anonymous('POST', '/api/auth/sign-in', { email: 'target@example.com', password }, { cookie: planted });
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(cookie).not.toBe(planted);
    expect(JSON.stringify(response.body)).not.toContain(cookie.split('=')[1]);
    expect(JSON.stringify((await api.request('GET', '/api/platform/users')).body)).not.toMatch(/argon2|password|hash/i);
  });

  it('cannot be reached around the check by spelling the path differently', async () => {
    for (const path of ['/%61pi/platform/users', '/api/%70latform/users', '/api//platform/users', '/api/platform/users/', '/api/auth/sign-in/../../platform/users', '/API/platform/users', '/api/platform/users?x=/api/health']) {
      const response = await api.anonymous('GET', path);
      expect([401, 404]).toContain(response.status);
      expect(response.body.data).toBeUndefined();
    }
  });

  it('rate-limits sign-in per IP as the server sees it, whatever X-Forwarded-For claims', async () => {
    const limited = await startApiHarness({ signInsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push((await limited.anonymous('POST', '/api/auth/sign-in', { email: `rate${attempt}@example.com`, password: 'whatever it is' }, { 'x-forwarded-for': `198.51.100.${attempt}` })).status);
      }
      // The harness's own sign-in of its admin was the first of the 3 this minute.
      expect(statuses).toEqual([401, 401, 429, 429, 429]);
      const refused = await limited.anonymous('POST', '/api/auth/sign-in', { email: 'target@example.com', password: 'whatever it is' });
      expectError(refused, 429, 'RATE_LIMITED');
      expect(refused.body.error.messages['zh-CN']).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
      expect((await limited.request('GET', '/api/auth/session')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
