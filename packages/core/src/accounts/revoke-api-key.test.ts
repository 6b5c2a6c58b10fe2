import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../access/index.js';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;

async function principalOf(email: string): Promise<Principal> {
  const { password } = await fixture.addUser(email);
  const { token } = await fixture.accounts.signIn(email, password);
  return (await fixture.accounts.resolveSession(token))!.principal;
}

describe('revokeApiKey and listApiKeys', () => {
  beforeAll(async () => { fixture = await openAccountsFixture(); });
  afterAll(async () => fixture.close());

  it('revokes one of the caller\'s own keys, once, audited; lists the caller\'s keys only', async () => {
    const alice = await principalOf('alice@example.com');
    const bob = await principalOf('bob@example.com');
    const key = await fixture.accounts.createApiKey(alice, { name: 'a', scopes: ['records:read'] });
    await fixture.accounts.createApiKey(bob, { name: 'b', scopes: ['records:read'] });
    await expect(fixture.accounts.revokeApiKey(bob, key.id)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await fixture.accounts.resolveApiKey(key.token)).toBeDefined();
    const first = await fixture.accounts.revokeApiKey(alice, key.id);
    const again = await fixture.accounts.revokeApiKey(alice, key.id);
    expect(again.revokedAt).toBe(first.revokedAt);
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'api_key.revoked', target: key.id }).count({ n: '*' }).first()).toMatchObject({ n: 1 });
    expect((await fixture.accounts.listApiKeys(alice)).map((listed) => [listed.name, listed.revokedAt !== null])).toEqual([['a', true]]);
    expect((await fixture.accounts.listApiKeys(bob)).map((listed) => listed.name)).toEqual(['b']);
  });

  it('answers 404 for ids that are not keys', async () => {
    const carol = await principalOf('carol@example.com');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'abc', `1' OR '1'='1`]) {
      await expect(fixture.accounts.revokeApiKey(carol, id)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    }
  });
});
