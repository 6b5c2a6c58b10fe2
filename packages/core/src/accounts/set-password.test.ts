import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;

describe('setPassword (admin reset)', () => {
  beforeAll(async () => { fixture = await openAccountsFixture(); });
  afterAll(async () => fixture.close());

  it('replaces the password, ends every session, keeps API keys and clears failures', async () => {
    const { user, password } = await fixture.addUser('reset@example.com');
    const first = await fixture.accounts.signIn('reset@example.com', password);
    const second = await fixture.accounts.signIn('reset@example.com', password);
    const principal = (await fixture.accounts.resolveSession(first.token))!.principal;
    const key = await fixture.accounts.createApiKey(principal, { name: 'sync', scopes: ['records:read'] });
    await fixture.accounts.signIn('reset@example.com', 'a wrong password').catch(() => undefined);
    await fixture.accounts.setPassword(fixture.system, user.id, 'brand new password');
    expect(await fixture.accounts.resolveSession(first.token)).toBeUndefined();
    expect(await fixture.accounts.resolveSession(second.token)).toBeUndefined();
    expect(await fixture.accounts.resolveApiKey(key.token)).toMatchObject({ userId: user.id });
    expect(await fixture.knex('tessera.sign_in_failures').where({ email: 'reset@example.com' }).first()).toBeUndefined();
    await expect(fixture.accounts.signIn('reset@example.com', password)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(fixture.accounts.signIn('reset@example.com', 'brand new password')).resolves.toBeDefined();
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'user.password_reset' }).first()).toMatchObject({ target: 'reset@example.com', details: { sessionsEnded: 2 } });
  });

  it('checks the policy, the id and the actor', async () => {
    const { user } = await fixture.addUser('other@example.com');
    await expect(fixture.accounts.setPassword(fixture.system, user.id, 'short')).rejects.toMatchObject({ code: 'INVALID_PASSWORD', status: 400 });
    await expect(fixture.accounts.setPassword(fixture.system, 'nobody', 'long enough pw')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const plain = { kind: 'user' as const, userId: user.id, label: user.email, platformAdmin: false };
    await expect(fixture.accounts.setPassword(plain, user.id, 'long enough pw')).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
