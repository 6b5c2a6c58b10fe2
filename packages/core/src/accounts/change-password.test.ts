import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';
import type { Principal } from '../access/index.js';

let fixture: AccountsFixture;

async function sessionOf(email: string, password: string): Promise<{ token: string; principal: Principal }> {
  const { token } = await fixture.accounts.signIn(email, password);
  return { token, principal: (await fixture.accounts.resolveSession(token))!.principal };
}

describe('changePassword', () => {
  beforeAll(async () => { fixture = await openAccountsFixture(); });
  afterAll(async () => fixture.close());

  it('needs the current password, then ends every session of the user, the caller included', async () => {
    const { password } = await fixture.addUser('me@example.com');
    const mine = await sessionOf('me@example.com', password);
    const elsewhere = await sessionOf('me@example.com', password);
    await fixture.accounts.changePassword(mine.principal, password, 'my new password');
    expect(await fixture.accounts.resolveSession(mine.token)).toBeUndefined();
    expect(await fixture.accounts.resolveSession(elsewhere.token)).toBeUndefined();
    await expect(fixture.accounts.signIn('me@example.com', 'my new password')).resolves.toBeDefined();
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'auth.password_changed' }).first()).toMatchObject({ target: 'me@example.com', details: { sessionsEnded: 2 } });
  });

  it('counts a wrong current password towards the lock-out, and refuses a weak new one', async () => {
    const { password } = await fixture.addUser('guess@example.com');
    const { principal } = await sessionOf('guess@example.com', password);
    await expect(fixture.accounts.changePassword(principal, password, 'short')).rejects.toMatchObject({ code: 'INVALID_PASSWORD', status: 400 });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(fixture.accounts.changePassword(principal, `guess ${attempt} wrong`, 'a new password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    }
    await expect(fixture.accounts.changePassword(principal, password, 'a new password')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 401 });
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'auth.password_change_failed' }).count({ n: '*' }).first()).toMatchObject({ n: 5 });
  });

  it('cannot be done with an API key', async () => {
    const { user, password } = await fixture.addUser('keyed@example.com');
    const { principal } = await sessionOf('keyed@example.com', password);
    const key = await fixture.accounts.createApiKey(principal, { name: 'k', scopes: ['admin'] });
    const keyPrincipal = (await fixture.accounts.resolveApiKey(key.token))!;
    expect(keyPrincipal.userId).toBe(user.id);
    await expect(fixture.accounts.changePassword(keyPrincipal, password, 'a new password')).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
