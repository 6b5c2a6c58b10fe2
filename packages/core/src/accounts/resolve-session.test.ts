import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';
import { secretHash } from './secret-token.js';

let fixture: AccountsFixture;
let password: string;
let userId: string;

async function signedIn(): Promise<{ token: string; csrfToken: string; hash: string }> {
  const { token, csrfToken } = await fixture.accounts.signIn('sam@example.com', password);
  return { token, csrfToken, hash: secretHash(token) };
}

async function session(hash: string): Promise<{ expires_at: string; last_seen_at: string; created_at: string }> {
  return fixture.knex('tessera.sessions').where({ token_hash: hash }).first();
}

describe('resolveSession', () => {
  beforeAll(async () => {
    fixture = await openAccountsFixture();
    ({ password, user: { id: userId } } = await fixture.addUser('sam@example.com', { platformAdmin: true }));
  });
  afterAll(async () => fixture.close());

  it('resolves a live session to its user principal and CSRF token', async () => {
    const { token, csrfToken } = await signedIn();
    const source = { ip: '10.0.0.1', channel: 'studio' };
    expect(await fixture.accounts.resolveSession(token, source)).toEqual({
      principal: { kind: 'user', userId, label: 'sam@example.com', platformAdmin: true, source }, csrfToken,
    });
  });

  it('knows nothing of unknown or malformed tokens', async () => {
    for (const token of ['', 'x', 'A'.repeat(43), `' OR 1=1 --`, 'A'.repeat(10_000)]) expect(await fixture.accounts.resolveSession(token)).toBeUndefined();
  });

  it('ends a session 12 hours after its last use', async () => {
    const { token, hash } = await signedIn();
    const row = await session(hash);
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(12 * 3600 * 1000);
    await fixture.knex('tessera.sessions').where({ token_hash: hash }).update({ expires_at: fixture.knex.raw(`now() - interval '1 second'`) });
    expect(await fixture.accounts.resolveSession(token)).toBeUndefined();
  });

  it('slides the idle expiry at most once a minute, never past 7 days from sign-in', async () => {
    const { token, hash } = await signedIn();
    const fresh = await session(hash);
    await fixture.accounts.resolveSession(token);
    expect(await session(hash)).toEqual(fresh);
    await fixture.knex('tessera.sessions').where({ token_hash: hash }).update({ last_seen_at: fixture.knex.raw(`now() - interval '2 hours'`), expires_at: fixture.knex.raw(`now() + interval '10 hours'`) });
    await fixture.accounts.resolveSession(token);
    const slid = await session(hash);
    expect(Date.parse(slid.expires_at) - Date.parse(slid.last_seen_at)).toBe(12 * 3600 * 1000);
    await fixture.knex('tessera.sessions').where({ token_hash: hash }).update({
      created_at: fixture.knex.raw(`now() - interval '7 days' + interval '1 hour'`), last_seen_at: fixture.knex.raw(`now() - interval '2 minutes'`),
    });
    expect(await fixture.accounts.resolveSession(token)).toBeDefined();
    const capped = await session(hash);
    expect(Date.parse(capped.expires_at) - Date.parse(capped.created_at)).toBe(7 * 24 * 3600 * 1000);
  });

  it('knows nothing of a revoked session or one whose user is suspended', async () => {
    const first = await signedIn();
    await fixture.accounts.signOut(first.token);
    expect(await fixture.accounts.resolveSession(first.token)).toBeUndefined();
    const second = await signedIn();
    await fixture.knex('tessera.users').where({ id: userId }).update({ suspended_at: fixture.knex.raw('now()') });
    expect(await fixture.accounts.resolveSession(second.token)).toBeUndefined();
  });
});
