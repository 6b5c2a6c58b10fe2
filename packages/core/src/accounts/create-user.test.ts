import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;

describe('createUser', () => {
  beforeAll(async () => { fixture = await openAccountsFixture(); });
  afterAll(async () => fixture.close());

  it('creates a user with a lower-cased email and an argon2id hash, audited', async () => {
    const user = await fixture.accounts.createUser(fixture.system, { email: ' Li.Na@Example.com', name: ' 李娜 ', password: 'a good password' });
    expect(user).toMatchObject({ email: 'li.na@example.com', name: '李娜', platformAdmin: false, suspended: false, locale: 'zh-CN' });
    expect(user).not.toHaveProperty('passwordHash');
    const row = await fixture.knex('tessera.users').where({ id: user.id }).first();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'user.created', target: 'li.na@example.com' }).first()).toMatchObject({ actor_id: 'system:test' });
  });

  it('answers a taken email, in any case, with 409 UNIQUE_VIOLATION on email', async () => {
    await expect(fixture.accounts.createUser(fixture.system, { email: 'LI.NA@example.com', name: 'x', password: 'another password' }))
      .rejects.toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409, params: { field: 'email' }, details: { field: 'email' } });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'nope', name: 'x', password: 'long enough pw' }, 'INVALID_EMAIL'],
      [{ email: 'a@example.com', name: '', password: 'long enough pw' }, 'BAD_REQUEST'],
      [{ email: 'a@example.com', name: 'x'.repeat(201), password: 'long enough pw' }, 'BAD_REQUEST'],
      [{ email: 'a@example.com', name: 'x', password: 'short' }, 'INVALID_PASSWORD'],
      [{ email: 'a@example.com', name: 'x', password: 'p'.repeat(201) }, 'INVALID_PASSWORD'],
      [{ email: 'a@example.com', name: 'x', password: 'long enough pw', platformAdmin: 'yes' }, 'BAD_REQUEST'],
      [{ email: 'a@example.com', name: 'x', password: 'long enough pw', admin: true }, 'BAD_REQUEST'],
    ];
    for (const [input, code] of cases) {
      await expect(fixture.accounts.createUser(fixture.system, input as never)).rejects.toMatchObject({ code, status: 400 });
    }
    expect(await fixture.knex('tessera.users').where({ email: 'a@example.com' }).first()).toBeUndefined();
  });

  it('is for platform admins only', async () => {
    const { user } = await fixture.addUser('plain@example.com');
    const plain = { kind: 'user' as const, userId: user.id, label: user.email, platformAdmin: false };
    await expect(fixture.accounts.createUser(plain, { email: 'b@example.com', name: 'b', password: 'long enough pw' })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
