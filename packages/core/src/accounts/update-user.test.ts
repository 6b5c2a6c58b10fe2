import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';
import type { User } from './user.js';

let fixture: AccountsFixture;
let admin: User;

describe('updateUser', () => {
  beforeAll(async () => {
    fixture = await openAccountsFixture();
    ({ user: admin } = await fixture.addUser('root@example.com', { platformAdmin: true }));
  });
  afterAll(async () => fixture.close());

  it('renames and promotes, audited with what changed', async () => {
    const { user } = await fixture.addUser('zhou@example.com');
    const updated = await fixture.accounts.updateUser(fixture.system, user.id, { name: '周杰', platformAdmin: true });
    expect(updated).toMatchObject({ id: user.id, name: '周杰', platformAdmin: true });
    expect(await fixture.knex('tessera.platform_audit').where({ action: 'user.updated', target: 'zhou@example.com' }).first())
      .toMatchObject({ details: { userId: user.id, name: '周杰', platformAdmin: true, sessionsEnded: 0 } });
    await fixture.accounts.updateUser(fixture.system, user.id, { platformAdmin: false });
  });

  it('suspends (ending every session at once) and reinstates', async () => {
    const { user, password } = await fixture.addUser('wu@example.com');
    const { token } = await fixture.accounts.signIn('wu@example.com', password);
    const suspended = await fixture.accounts.updateUser(fixture.system, user.id, { suspended: true });
    expect(suspended).toMatchObject({ suspended: true });
    expect(suspended.suspendedAt).toEqual(expect.any(String));
    expect(await fixture.knex('tessera.sessions').where({ user_id: user.id }).whereNull('revoked_at').first()).toBeUndefined();
    await fixture.accounts.updateUser(fixture.system, user.id, { suspended: false });
    expect(await fixture.accounts.resolveSession(token)).toBeUndefined();
    await expect(fixture.accounts.signIn('wu@example.com', password)).resolves.toBeDefined();
  });

  it('keeps at least one active platform admin', async () => {
    await expect(fixture.accounts.updateUser(fixture.system, admin.id, { platformAdmin: false })).rejects.toMatchObject({ code: 'LAST_ADMIN', status: 409 });
    await expect(fixture.accounts.updateUser(fixture.system, admin.id, { suspended: true })).rejects.toMatchObject({ code: 'LAST_ADMIN', status: 409 });
    const { user: second } = await fixture.addUser('second@example.com', { platformAdmin: true });
    const both = await Promise.allSettled([
      fixture.accounts.updateUser(fixture.system, admin.id, { platformAdmin: false }),
      fixture.accounts.updateUser(fixture.system, second.id, { platformAdmin: false }),
    ]);
    expect(both.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses bad changes with 400 and unknown ids with 404', async () => {
    for (const changes of [{}, { name: '' }, { suspended: 'yes' }, { email: 'new@example.com' }, { password_hash: 'x' }]) {
      await expect(fixture.accounts.updateUser(fixture.system, admin.id, changes as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', `' OR 1=1 --`]) {
      await expect(fixture.accounts.updateUser(fixture.system, id, { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    }
  });

  it('is for platform admins only', async () => {
    const plain = { kind: 'user' as const, userId: admin.id, label: 'x', platformAdmin: false };
    await expect(fixture.accounts.updateUser(plain, admin.id, { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
