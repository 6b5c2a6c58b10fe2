import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;
const source = { ip: '203.0.113.7', requestId: 'req-1', userAgent: 'vitest', channel: 'studio' };

async function auditOf(target: string): Promise<{ action: string; ip: string; request_id: string; actor_id: string | null; details: Record<string, unknown> }[]> {
  return fixture.knex('tessera.platform_audit').where({ target }).orderBy('id');
}

describe('signIn', () => {
  beforeAll(async () => { fixture = await openAccountsFixture(); });
  afterAll(async () => fixture.close());

  it('opens a session for the right password, with the email as typed in any case', async () => {
    const { user, password } = await fixture.addUser('ok@example.com');
    const signedIn = await fixture.accounts.signIn('  OK@Example.com ', password, source);
    expect(signedIn.user).toMatchObject({ id: user.id, email: 'ok@example.com', platformAdmin: false, suspended: false });
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await fixture.knex('tessera.sessions').where({ user_id: user.id });
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toBe(signedIn.token);
    expect(stored[0]).toMatchObject({ ip: source.ip, user_agent: 'vitest', revoked_at: null });
    const audit = await auditOf('ok@example.com');
    expect(audit.at(-1)).toMatchObject({ action: 'auth.sign_in', ip: source.ip, request_id: 'req-1', actor_id: user.id });
  });

  it('answers a wrong password, an unknown email and a suspended user alike', async () => {
    const { password } = await fixture.addUser('gone@example.com');
    await fixture.accounts.updateUser(fixture.system, (await fixture.knex('tessera.users').where({ email: 'gone@example.com' }).first()).id, { suspended: true });
    const attempts: [string, string][] = [['ok@example.com', 'wrong password!'], ['nobody@example.com', 'wrong password!'], ['gone@example.com', password]];
    for (const [email, given] of attempts) await expect(fixture.accounts.signIn(email, given, source)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, params: {} });
    expect((await auditOf('nobody@example.com')).map((row) => [row.action, row.details.reason])).toEqual([['auth.sign_in_failed', 'unknown_email']]);
    expect((await auditOf('gone@example.com')).at(-1)).toMatchObject({ action: 'auth.sign_in_failed', details: { reason: 'suspended' } });
    expect(await fixture.knex('tessera.sessions').count({ n: '*' }).first()).toMatchObject({ n: 1 });
  });

  it('removes the user\'s dead sessions when it opens a new one, and keeps the live ones', async () => {
    const { user, password } = await fixture.addUser('tidy@example.com');
    const first = await fixture.accounts.signIn('tidy@example.com', password, source);
    const second = await fixture.accounts.signIn('tidy@example.com', password, source);
    const sessions = () => fixture.knex('tessera.sessions').where({ user_id: user.id });
    expect(await sessions()).toHaveLength(2);
    const [expired, revoked] = await sessions().orderBy('created_at').orderBy('token_hash');
    await fixture.knex('tessera.sessions').where({ token_hash: expired.token_hash }).update({ expires_at: fixture.knex.raw(`now() - interval '1 minute'`) });
    await fixture.knex('tessera.sessions').where({ token_hash: revoked.token_hash }).update({ revoked_at: fixture.knex.raw(`now() - interval '2 days'`) });
    const third = await fixture.accounts.signIn('tidy@example.com', password, source);
    expect(await sessions()).toHaveLength(1);
    expect(await fixture.accounts.resolveSession(third.token)).toBeDefined();
    expect([first.token, second.token].every((token) => token !== third.token)).toBe(true);
  });

  it('refuses malformed input with 400 before counting anything', async () => {
    await expect(fixture.accounts.signIn(`' OR 1=1 --`, 'whatever1234', source)).rejects.toMatchObject({ code: 'INVALID_EMAIL', status: 400 });
    await expect(fixture.accounts.signIn('ok@example.com', 'x'.repeat(201), source)).rejects.toMatchObject({ code: 'INVALID_PASSWORD', status: 400 });
    await expect(fixture.accounts.signIn({ $ne: null }, 'whatever1234', source)).rejects.toMatchObject({ code: 'INVALID_EMAIL' });
    expect(await fixture.knex('tessera.sign_in_failures').where({ email: 'ok@example.com' }).first()).toMatchObject({ failures: 1 });
  });

  it('locks an email after 5 failures in 15 minutes, refuses even the right password, and says so in the log', async () => {
    const { password } = await fixture.addUser('locked@example.com');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(fixture.accounts.signIn('locked@example.com', `wrong ${attempt} password`, source)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(fixture.accounts.signIn('locked@example.com', password, source)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 401, params: { minutes: 15 } });
    const audit = await auditOf('locked@example.com');
    expect(audit.map((row) => row.action)).toEqual(['user.created', ...Array(5).fill('auth.sign_in_failed'), 'auth.locked']);
    expect(audit[5]!.details).toMatchObject({ failures: 5, locked: true });
  });

  it('locks unknown emails the same way', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(fixture.accounts.signIn('ghost@example.com', 'guess number one', source)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(fixture.accounts.signIn('ghost@example.com', 'guess number one', source)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 401 });
  });

  it('lets the email in again once the lock has passed, and a success clears the failures', async () => {
    const { password } = await fixture.addUser('later@example.com');
    for (let attempt = 1; attempt <= 5; attempt += 1) await fixture.accounts.signIn('later@example.com', 'not the password', source).catch(() => undefined);
    await expect(fixture.accounts.signIn('later@example.com', password, source)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    await fixture.knex.raw(`UPDATE tessera.sign_in_failures SET locked_until = now() - interval '1 second', first_failure_at = now() - interval '16 minutes' WHERE email = 'later@example.com'`);
    await expect(fixture.accounts.signIn('later@example.com', password, source)).resolves.toMatchObject({ user: { email: 'later@example.com' } });
    expect(await fixture.knex('tessera.sign_in_failures').where({ email: 'later@example.com' }).first()).toBeUndefined();
  });

  it('forgets failures older than the 15-minute window', async () => {
    await fixture.addUser('slow@example.com');
    for (let attempt = 1; attempt <= 4; attempt += 1) await fixture.accounts.signIn('slow@example.com', 'not the password', source).catch(() => undefined);
    await fixture.knex.raw(`UPDATE tessera.sign_in_failures SET first_failure_at = now() - interval '16 minutes' WHERE email = 'slow@example.com'`);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(fixture.accounts.signIn('slow@example.com', 'not the password', source)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    expect(await fixture.knex('tessera.sign_in_failures').where({ email: 'slow@example.com' }).first()).toMatchObject({ failures: 4, locked_until: null });
  });

  it('lets no more than 5 parallel guesses through before the lock', async () => {
    await fixture.addUser('burst@example.com');
    const answers = await Promise.allSettled(Array.from({ length: 12 }, () => fixture.accounts.signIn('burst@example.com', 'parallel guess', source)));
    const codes = answers.map((answer) => (answer.status === 'rejected' ? (answer.reason as { code: string }).code : 'signed in'));
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'ACCOUNT_LOCKED')).toHaveLength(7);
  });

  it('never locks an account for a burst of correct sign-ins', async () => {
    const { password } = await fixture.addUser('busy@example.com');
    const answers = await Promise.allSettled(Array.from({ length: 10 }, () => fixture.accounts.signIn('busy@example.com', password, source)));
    const codes = answers.map((answer) => (answer.status === 'rejected' ? (answer.reason as { code: string }).code : 'signed in'));
    expect(codes.filter((code) => code !== 'signed in' && code !== 'ACCOUNT_LOCKED')).toEqual([]);
    expect(codes).toContain('signed in');
    expect(await fixture.knex('tessera.sign_in_failures').where({ email: 'busy@example.com' }).whereNotNull('locked_until').first()).toBeUndefined();
    await expect(fixture.accounts.signIn('busy@example.com', password, source)).resolves.toMatchObject({ user: { email: 'busy@example.com' } });
  });
});
