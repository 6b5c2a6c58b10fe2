import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../access/index.js';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;
let owner: Principal;

describe('createApiKey', () => {
  beforeAll(async () => {
    fixture = await openAccountsFixture();
    const { password } = await fixture.addUser('dev@example.com');
    const { token } = await fixture.accounts.signIn('dev@example.com', password);
    owner = (await fixture.accounts.resolveSession(token))!.principal;
    await fixture.knex('tessera.workspaces').insert({ slug: 'shop', schema_name: 'ws_shop', blueprint: '{}', blueprint_version: 1 });
  });
  afterAll(async () => fixture.close());

  it('makes a tsk_ token shown once and stores only a hash of its secret', async () => {
    const key = await fixture.accounts.createApiKey(owner, { name: ' CRM sync ', scopes: ['records:read', 'records:write', 'records:read'], workspace: 'shop', expiresAt: '2099-01-01T00:00:00Z' });
    expect(key).toMatchObject({ name: 'CRM sync', scopes: ['records:read', 'records:write'], workspace: 'shop', expiresAt: '2099-01-01T00:00:00.000Z', revokedAt: null, lastUsedAt: null });
    expect(key.token).toMatch(new RegExp(`^tsk_${key.id.replace(/-/g, '')}_[A-Za-z0-9_-]{43}$`));
    const row = await fixture.knex('tessera.api_keys').where({ id: key.id }).first();
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.token.slice(-43));
    expect(await fixture.accounts.listApiKeys(owner)).toEqual([expect.not.objectContaining({ token: expect.anything() })]);
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'api_key.created', target: key.id }).first()).toMatchObject({ actor_id: owner.userId });
  });

  it('refuses unknown scopes, bad names, past expiries and unknown workspaces', async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ name: 'k', scopes: ['records:read', 'root'] }, 'BAD_REQUEST', 400],
      [{ name: 'k', scopes: [] }, 'BAD_REQUEST', 400],
      [{ name: 'k', scopes: 'admin' }, 'BAD_REQUEST', 400],
      [{ name: '', scopes: ['admin'] }, 'BAD_REQUEST', 400],
      [{ name: 'k', scopes: ['admin'], expiresAt: '2000-01-01T00:00:00Z' }, 'BAD_REQUEST', 400],
      [{ name: 'k', scopes: ['admin'], expiresAt: 'tomorrow' }, 'BAD_REQUEST', 400],
      [{ name: 'k', scopes: ['admin'], workspace: 'nowhere' }, 'NOT_FOUND', 404],
      [{ name: 'k', scopes: ['admin'], owner: 'someone' }, 'BAD_REQUEST', 400],
    ];
    for (const [input, code, status] of cases) await expect(fixture.accounts.createApiKey(owner, input as never)).rejects.toMatchObject({ code, status });
    expect(await fixture.knex('tessera.api_keys').count({ n: '*' }).first()).toMatchObject({ n: 1 });
  });

  it('needs a signed-in session: a key cannot mint another key', async () => {
    const key = await fixture.accounts.createApiKey(owner, { name: 'narrow', scopes: ['records:read'] });
    const keyPrincipal = (await fixture.accounts.resolveApiKey(key.token))!;
    await expect(fixture.accounts.createApiKey(keyPrincipal, { name: 'wide', scopes: ['admin'] })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(fixture.accounts.listApiKeys(keyPrincipal)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
