import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsBlueprint } from '../packages/core/test/fixtures.js';
import { startApiHarness, type ApiHarness, type ApiResponse, type SessionClient } from './api-harness.js';

let api: ApiHarness;
const password = 'a long enough password';

/** Creates a user through the platform API (as the harness admin) and answers its id. */
async function addUser(email: string, options: { platformAdmin?: boolean } = {}): Promise<string> {
  const created = await api.request('POST', '/api/platform/users', { email, name: email.split('@')[0], password, ...options });
  expect(created.status).toBe(201);
  return created.body.data.id as string;
}

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
}

const signInBody = (email: string, given = password) => ({ email, password: given });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe('sign-in over HTTP', () => {
  beforeAll(async () => {
    api = await startApiHarness();
    await api.tessera.createWorkspace('crm', teamsBlueprint(), 'test');
  });
  afterAll(async () => api.close());

  it('signs in: the user, a CSRF token and an HttpOnly, SameSite=Lax session cookie', async () => {
    await addUser('amy@example.com');
    const response = await api.anonymous('POST', '/api/auth/sign-in', signInBody(' Amy@Example.com '));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: expect.objectContaining({ email: 'amy@example.com', platformAdmin: false }), csrfToken: expect.stringMatching(/^[\w-]{43}$/), expiresAt: expect.any(String) });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('tessera_session='))!;
    expect(cookie).toMatch(/^tessera_session=[\w-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('marks the cookie Secure when TESSERA_SECURE_COOKIES=1', async () => {
    process.env.TESSERA_SECURE_COOKIES = '1';
    try {
      const response = await api.anonymous('POST', '/api/auth/sign-in', signInBody('amy@example.com'));
      expect(response.headers.getSetCookie().find((line) => line.startsWith('tessera_session='))).toMatch(/; Secure/);
    } finally {
      delete process.env.TESSERA_SECURE_COOKIES;
    }
  });

  it('answers a wrong password and an unknown email with the same 401, body and time class', async () => {
    const emails = ['t1@example.com', 't2@example.com', 't3@example.com', 't4@example.com', 't5@example.com'];
    for (const email of emails) await addUser(email);
    const wrong = await api.anonymous('POST', '/api/auth/sign-in', signInBody('t1@example.com', 'not the password'));
    const unknown = await api.anonymous('POST', '/api/auth/sign-in', signInBody('nobody@example.com', 'not the password'));
    for (const response of [wrong, unknown]) {
      expectError(response, 401, 'INVALID_CREDENTIALS');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const { request_id: _wrongId, ...wrongBody } = wrong.body.error;
    const { request_id: _unknownId, ...unknownBody } = unknown.body.error;
    expect(unknownBody).toEqual(wrongBody);
    // A behaviour check, not a benchmark: the unknown email pays for a hash as well.
    const wrongTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const [index, email] of emails.slice(1).entries()) {
      wrongTimes.push(await timed(() => api.anonymous('POST', '/api/auth/sign-in', signInBody(email, 'not the password'))));
      unknownTimes.push(await timed(() => api.anonymous('POST', '/api/auth/sign-in', signInBody(`ghost${index}@example.com`, 'not the password'))));
    }
    expect(median(unknownTimes)).toBeGreaterThan(median(wrongTimes) / 5);
    expect(median(wrongTimes)).toBeGreaterThan(median(unknownTimes) / 5);
  });

  it('locks an email after 5 failures, the right password included, and unknown emails alike', async () => {
    await addUser('lock@example.com');
    for (const email of ['lock@example.com', 'nobody-lock@example.com']) {
      for (let attempt = 1; attempt <= 5; attempt += 1) expectError(await api.anonymous('POST', '/api/auth/sign-in', signInBody(email, 'wrong guess!')), 401, 'INVALID_CREDENTIALS');
      const locked = await api.anonymous('POST', '/api/auth/sign-in', signInBody(email));
      expectError(locked, 401, 'ACCOUNT_LOCKED');
      expect(locked.body.error.messages).toEqual({ 'zh-CN': '登录失败次数过多，已锁定 15 分钟，请稍后再试', en: 'Too many failed sign-ins: locked for 15 minutes, try again later' });
    }
  });

  it('describes the session: user, CSRF token and workspaces with roles', async () => {
    const userId = await addUser('member@example.com');
    const workspaceId = (await api.tessera.database.knex('tessera.workspaces').where({ slug: 'crm' }).first()).id;
    await api.tessera.database.knex('tessera.memberships').insert({ user_id: userId, workspace_id: workspaceId, role: 'sales' });
    const member = await api.signIn('member@example.com', password);
    const session = await member.request('GET', '/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ user: expect.objectContaining({ id: userId }), csrfToken: member.csrfToken, workspaces: [{ slug: 'crm', name: 'crm', role: 'sales' }] });
    const admin = await api.signIn(api.admin.email, api.admin.password);
    expect((await admin.request('GET', '/api/auth/session')).body.workspaces).toEqual([{ slug: 'crm', name: 'crm', role: 'admin' }]);
  });

  it('refuses anonymous calls under /api with 401 but serves health', async () => {
    expect((await api.anonymous('GET', '/api/health')).status).toBe(200);
    for (const [method, path] of [['GET', '/api/workspaces'], ['GET', '/api/w/crm/data/people'], ['POST', '/api/w/crm/data/people'], ['GET', '/api/auth/session'], ['POST', '/api/auth/sign-out'], ['GET', '/api/platform/users'], ['GET', '/api/no-such-route']] as const) {
      expectError(await api.anonymous(method, path, method === 'POST' ? {} : undefined), 401, 'UNAUTHENTICATED');
    }
  });

  it('ends a session at its expiry', async () => {
    await addUser('expire@example.com');
    const client = await api.signIn('expire@example.com', password);
    expect((await client.request('GET', '/api/auth/session')).status).toBe(200);
    await api.tessera.database.knex('tessera.sessions').where({ csrf_token: client.csrfToken }).update({ expires_at: api.tessera.database.knex.raw(`now() - interval '1 second'`) });
    // A token resolved in the last second is trusted for the rest of it (accounts/principal-cache.ts).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await client.request('GET', '/api/auth/session');
    expectError(expired, 401, 'UNAUTHENTICATED');
    expect(expired.headers.getSetCookie()[0]).toMatch(/^tessera_session=;/);
  });

  it('ends a session at sign-out', async () => {
    await addUser('out@example.com');
    const client = await api.signIn('out@example.com', password);
    const out = await client.request('POST', '/api/auth/sign-out');
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^tessera_session=;/);
    expectError(await client.request('GET', '/api/auth/session'), 401, 'UNAUTHENTICATED');
  });

  it('ends every session of a user who changes their password, after checking the current one', async () => {
    await addUser('change@example.com');
    const here = await api.signIn('change@example.com', password);
    const there = await api.signIn('change@example.com', password);
    expectError(await here.request('POST', '/api/auth/password', { current: 'not my password', next: 'a brand new password' }), 401, 'INVALID_CREDENTIALS');
    expectError(await here.request('POST', '/api/auth/password', { current: password, next: 'short' }), 400, 'INVALID_PASSWORD');
    expect((await here.request('POST', '/api/auth/password', { current: password, next: 'a brand new password' })).status).toBe(200);
    for (const client of [here, there]) expectError(await client.request('GET', '/api/auth/session'), 401, 'UNAUTHENTICATED');
    expect((await api.anonymous('POST', '/api/auth/sign-in', signInBody('change@example.com', 'a brand new password'))).status).toBe(200);
  });

  it('ends every session of a user whose password an admin resets, or who is suspended', async () => {
    const resetId = await addUser('reset@example.com');
    const reset = await api.signIn('reset@example.com', password);
    expect((await api.request('POST', `/api/platform/users/${resetId}/password`, { password: 'set by the admin' })).status).toBe(204);
    expectError(await reset.request('GET', '/api/auth/session'), 401, 'UNAUTHENTICATED');
    expect((await api.anonymous('POST', '/api/auth/sign-in', signInBody('reset@example.com', 'set by the admin'))).status).toBe(200);

    const suspendedId = await addUser('suspend@example.com');
    const suspended = await api.signIn('suspend@example.com', password);
    expect((await api.request('PATCH', `/api/platform/users/${suspendedId}`, { suspended: true })).body.data).toMatchObject({ suspended: true });
    expectError(await suspended.request('GET', '/api/auth/session'), 401, 'UNAUTHENTICATED');
    expectError(await api.anonymous('POST', '/api/auth/sign-in', signInBody('suspend@example.com')), 401, 'INVALID_CREDENTIALS');
  });

  describe('CSRF', () => {
    let admin: SessionClient;
    let victimId: string;
    let keyId: string;

    beforeAll(async () => {
      admin = await api.signIn(api.admin.email, api.admin.password);
      victimId = await addUser('victim@example.com');
      keyId = (await admin.request('POST', '/api/auth/api-keys', { name: 'csrf test', scopes: ['records:read'] })).body.data.id as string;
    });

    const attempts = () => [
      ['POST', '/api/platform/users', { email: 'csrf@example.com', name: 'csrf', password }],
      ['PATCH', `/api/platform/users/${victimId}`, { name: 'changed by a forged request' }],
      ['DELETE', `/api/auth/api-keys/${keyId}`, undefined],
      ['POST', '/api/auth/sign-out', undefined],
    ] as const;

    it('refuses cookie writes without the token, or with a wrong one, with 403 CSRF_FAILED and no effect', async () => {
      for (const token of ['', 'wrong', (await api.signIn(api.admin.email, api.admin.password)).csrfToken]) {
        for (const [method, path, body] of attempts()) {
          expectError(await admin.request(method, path, body, { 'x-csrf-token': token }), 403, 'CSRF_FAILED');
        }
      }
      expect(await api.tessera.database.knex('tessera.users').where({ email: 'csrf@example.com' }).first()).toBeUndefined();
      expect((await api.tessera.database.knex('tessera.users').where({ id: victimId }).first()).name).toBe('victim');
      expect((await api.tessera.database.knex('tessera.api_keys').where({ id: keyId }).first()).revoked_at).toBeNull();
      expect((await admin.request('GET', '/api/auth/session')).status).toBe(200);
    });

    it('lets the same writes through with the session\'s token', async () => {
      const statuses = [];
      for (const [method, path, body] of attempts()) statuses.push((await admin.request(method, path, body)).status);
      expect(statuses).toEqual([201, 200, 200, 200]);
    });
  });

  describe('API keys', () => {
    let owner: SessionClient;
    let ownerId: string;

    beforeAll(async () => {
      ownerId = await addUser('keys@example.com');
      owner = await api.signIn('keys@example.com', password);
    });

    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const createKey = async (body: Record<string, unknown>) => {
      const created = await owner.request('POST', '/api/auth/api-keys', body);
      expect(created.status).toBe(201);
      return created.body.data as { id: string; token: string };
    };

    it('creates a key shown once, lists it without its secret, and takes it as Bearer without CSRF', async () => {
      const key = await createKey({ name: 'zapier', scopes: ['records:read'] });
      expect(key.token).toMatch(/^tsk_[0-9a-f]{32}_[\w-]{43}$/);
      const listed = await owner.request('GET', '/api/auth/api-keys');
      expect(listed.body.data).toEqual([expect.objectContaining({ id: key.id, name: 'zapier', scopes: ['records:read'] })]);
      expect(JSON.stringify(listed.body)).not.toContain(key.token.slice(-43));
      const session = await api.anonymous('GET', '/api/auth/session', undefined, bearer(key.token));
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({ user: { id: ownerId }, csrfToken: null });
      expect((await api.anonymous('POST', '/api/auth/sign-out', undefined, bearer(key.token))).status).toBe(200);
    });

    it('refuses unknown scopes with 400', async () => {
      expectError(await owner.request('POST', '/api/auth/api-keys', { name: 'bad', scopes: ['records:read', 'superuser'] }), 400, 'BAD_REQUEST');
    });

    it('refuses an expired key, a revoked one and one whose owner is suspended with 401', async () => {
      const expiring = await createKey({ name: 'expiring', scopes: ['records:read'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      await api.tessera.database.knex('tessera.api_keys').where({ id: expiring.id }).update({ expires_at: api.tessera.database.knex.raw(`now() - interval '1 second'`) });
      expectError(await api.anonymous('GET', '/api/auth/session', undefined, bearer(expiring.token)), 401, 'UNAUTHENTICATED');

      const revoked = await createKey({ name: 'revoked', scopes: ['records:read'] });
      expect((await owner.request('DELETE', `/api/auth/api-keys/${revoked.id}`)).body.data.revokedAt).toEqual(expect.any(String));
      expectError(await api.anonymous('GET', '/api/auth/session', undefined, bearer(revoked.token)), 401, 'UNAUTHENTICATED');

      const kept = await createKey({ name: 'kept', scopes: ['records:read'] });
      await api.request('PATCH', `/api/platform/users/${ownerId}`, { suspended: true });
      expectError(await api.anonymous('GET', '/api/auth/session', undefined, bearer(kept.token)), 401, 'UNAUTHENTICATED');
      await api.request('PATCH', `/api/platform/users/${ownerId}`, { suspended: false });
      expect((await api.anonymous('GET', '/api/auth/session', undefined, bearer(kept.token))).status).toBe(200);
      expectError(await owner.request('GET', '/api/auth/api-keys'), 401, 'UNAUTHENTICATED');
      owner = await api.signIn('keys@example.com', password);
    });

    it('cannot manage keys or the password with a key', async () => {
      const key = await createKey({ name: 'narrow', scopes: ['records:read'] });
      expectError(await api.anonymous('POST', '/api/auth/api-keys', { name: 'wider', scopes: ['admin'] }, bearer(key.token)), 403, 'FORBIDDEN');
      expectError(await api.anonymous('POST', '/api/auth/password', { current: password, next: 'taken over by a key' }, bearer(key.token)), 403, 'FORBIDDEN');
    });
  });

  describe('platform administration', () => {
    it('is refused to a non-admin with 403 FORBIDDEN on every route', async () => {
      const plainId = await addUser('plain@example.com');
      const plain = await api.signIn('plain@example.com', password);
      for (const [method, path, body] of [
        ['GET', '/api/platform/users', undefined], ['POST', '/api/platform/users', { email: 'x@example.com', name: 'x', password }],
        ['PATCH', `/api/platform/users/${plainId}`, { platformAdmin: true }], ['POST', `/api/platform/users/${plainId}/password`, { password: 'my own choice!!' }],
        ['GET', '/api/platform/audit', undefined],
      ] as const) expectError(await plain.request(method, path, body), 403, 'FORBIDDEN');
      expect((await api.tessera.database.knex('tessera.users').where({ id: plainId }).first()).platform_admin).toBe(false);
    });

    it('is refused to an admin\'s key without the admin scope with 403 SCOPE_DENIED', async () => {
      const admin = await api.signIn(api.admin.email, api.admin.password);
      const key = (await admin.request('POST', '/api/auth/api-keys', { name: 'reader', scopes: ['records:read', 'blueprint:read'] })).body.data.token as string;
      const denied = await api.anonymous('GET', '/api/platform/users', undefined, { authorization: `Bearer ${key}` });
      expectError(denied, 403, 'SCOPE_DENIED');
      expect(denied.body.error.messages.en).toBe('The API key lacks the scope admin');
    });

    it('creates, lists, renames and promotes users; a taken email is 409 on email', async () => {
      const id = await addUser('new@example.com');
      const duplicate = await api.request('POST', '/api/platform/users', { email: 'NEW@example.com', name: 'again', password });
      expectError(duplicate, 409, 'UNIQUE_VIOLATION');
      expect(duplicate.body.error.field).toBe('email');
      const changed = await api.request('PATCH', `/api/platform/users/${id}`, { name: '新名字', platformAdmin: true });
      expect(changed.body.data).toMatchObject({ id, name: '新名字', platformAdmin: true });
      const listed = await api.request('GET', '/api/platform/users');
      expect(listed.body.data.map((user: { email: string }) => user.email)).toContain('new@example.com');
      expect(JSON.stringify(listed.body)).not.toMatch(/argon2|password_hash/);
    });

    it('keeps the last active admin from being demoted (409 LAST_ADMIN)', async () => {
      const admins = (await api.request('GET', '/api/platform/users')).body.data.filter((user: { platformAdmin: boolean }) => user.platformAdmin);
      for (const other of admins.filter((user: { id: string }) => user.id !== api.admin.user.id)) await api.request('PATCH', `/api/platform/users/${other.id}`, { platformAdmin: false });
      expectError(await api.request('PATCH', `/api/platform/users/${api.admin.user.id}`, { suspended: true }), 409, 'LAST_ADMIN');
    });
  });

  describe('the platform audit log', () => {
    it('records sign-ins, failures and sign-outs with ip and request id, queryable newest first', async () => {
      await addUser('audited@example.com');
      await api.anonymous('POST', '/api/auth/sign-in', signInBody('audited@example.com', 'not it at all'), { 'x-request-id': 'audit-failed-1' });
      const signedIn = await api.anonymous('POST', '/api/auth/sign-in', signInBody('audited@example.com'), { 'x-request-id': 'audit-ok-1' });
      const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
      await api.anonymous('POST', '/api/auth/sign-out', undefined, { cookie, 'x-csrf-token': signedIn.body.csrfToken, 'x-request-id': 'audit-out-1' });
      const page = await api.request('GET', `/api/platform/audit?actor=audited@example.com`);
      expect(page.body.data.map((event: { action: string; requestId: string; ip: string }) => [event.action, event.requestId, event.ip])).toEqual([
        ['auth.sign_out', 'audit-out-1', '127.0.0.1'], ['auth.sign_in', 'audit-ok-1', '127.0.0.1'],
      ]);
      const failed = await api.request('GET', '/api/platform/audit?action=auth.sign_in_failed&limit=500');
      expect(failed.body.data.find((event: { requestId: string }) => event.requestId === 'audit-failed-1')).toMatchObject({ target: 'audited@example.com', actorId: null, details: { reason: 'wrong_password' } });
      expectError(await api.request('GET', '/api/platform/audit?limit=0'), 400, 'INVALID_QUERY');
    });

    it('cannot be changed: UPDATE and DELETE fail', async () => {
      const knex = api.tessera.database.knex;
      await expect(knex('tessera.platform_audit').where({ action: 'auth.sign_in' }).update({ ip: '10.0.0.1' })).rejects.toThrow(/append-only/);
      await expect(knex('tessera.platform_audit').where({ action: 'auth.sign_in' }).delete()).rejects.toThrow(/append-only/);
      expect(await knex('tessera.platform_audit').where({ ip: '10.0.0.1' }).first()).toBeUndefined();
    });
  });
});
