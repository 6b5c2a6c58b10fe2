import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../access/index.js';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;
let owner: Principal;

describe('resolveApiKey', () => {
  beforeAll(async () => {
    fixture = await openAccountsFixture();
    const { password } = await fixture.addUser('ops@example.com', { platformAdmin: true });
    await fixture.addUser('spare-admin@example.com', { platformAdmin: true });
    const { token } = await fixture.accounts.signIn('ops@example.com', password);
    owner = (await fixture.accounts.resolveSession(token))!.principal;
    await fixture.knex('tessera.workspaces').insert({ slug: 'shop', schema_name: 'ws_shop', blueprint: '{}', blueprint_version: 1 });
  });
  afterAll(async () => fixture.close());

  it('acts as its owner, narrowed to its scopes and workspace, and notes its last use', async () => {
    const key = await fixture.accounts.createApiKey(owner, { name: 'bi', scopes: ['records:read', 'records:export'], workspace: 'shop' });
    const workspaceId = (await fixture.knex('tessera.workspaces').where({ slug: 'shop' }).first()).id;
    const source = { ip: '10.1.1.1', channel: 'api' };
    expect(await fixture.accounts.resolveApiKey(key.token, source)).toEqual({
      kind: 'api_key', userId: owner.userId, label: 'ops@example.com (key bi)', platformAdmin: true, scopes: ['records:read', 'records:export'], workspaceId, source,
    });
    expect((await fixture.knex('tessera.api_keys').where({ id: key.id }).first()).last_used_at).toEqual(expect.any(String));
  });

  it('knows nothing of malformed, unknown or tampered tokens', async () => {
    const key = await fixture.accounts.createApiKey(owner, { name: 'x', scopes: ['admin'] });
    const tampered = `${key.token.slice(0, -1)}${key.token.endsWith('A') ? 'B' : 'A'}`;
    const unknownId = key.token.replace(/^tsk_[0-9a-f]{4}/, 'tsk_0000');
    for (const token of [tampered, unknownId, 'tsk_', 'tsk_x_y', `tsk_' OR 1=1 --`, key.token.toUpperCase(), `${key.token} `]) {
      expect(await fixture.accounts.resolveApiKey(token)).toBeUndefined();
    }
  });

  it('stops at expiry, at revocation, and while its owner is suspended', async () => {
    const expiring = await fixture.accounts.createApiKey(owner, { name: 'soon', scopes: ['admin'], expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await fixture.knex('tessera.api_keys').where({ id: expiring.id }).update({ expires_at: fixture.knex.raw(`now() - interval '1 second'`) });
    expect(await fixture.accounts.resolveApiKey(expiring.token)).toBeUndefined();

    const revoked = await fixture.accounts.createApiKey(owner, { name: 'old', scopes: ['admin'] });
    expect(await fixture.accounts.revokeApiKey(owner, revoked.id)).toMatchObject({ id: revoked.id, revokedAt: expect.any(String) });
    expect(await fixture.accounts.resolveApiKey(revoked.token)).toBeUndefined();

    const kept = await fixture.accounts.createApiKey(owner, { name: 'kept', scopes: ['admin'] });
    await fixture.accounts.updateUser(fixture.system, owner.userId, { suspended: true });
    expect(await fixture.accounts.resolveApiKey(kept.token)).toBeUndefined();
    await fixture.accounts.updateUser(fixture.system, owner.userId, { suspended: false });
    expect(await fixture.accounts.resolveApiKey(kept.token)).toMatchObject({ userId: owner.userId });
  });
});
