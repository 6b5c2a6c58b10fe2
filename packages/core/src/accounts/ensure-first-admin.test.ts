import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;

describe('ensureFirstAdmin', () => {
  beforeEach(async () => { fixture = await openAccountsFixture(); });
  afterEach(async () => fixture.close());

  it('creates admin@tessera.local with a generated password when no admin exists, once', async () => {
    const first = await fixture.accounts.ensureFirstAdmin();
    expect(first).toMatchObject({ outcome: 'created', email: 'admin@tessera.local' });
    const generated = first.outcome === 'created' ? first.generatedPassword! : '';
    expect(generated.length).toBeGreaterThanOrEqual(16);
    await expect(fixture.accounts.signIn('admin@tessera.local', generated)).resolves.toMatchObject({ user: { platformAdmin: true } });
    expect(await fixture.accounts.ensureFirstAdmin()).toEqual({ outcome: 'exists' });
    expect(await fixture.knex('tessera.users').count({ n: '*' }).first()).toMatchObject({ n: 1 });
  });

  it('uses the given email and password, and shows no password then', async () => {
    expect(await fixture.accounts.ensureFirstAdmin({ email: 'Boss@Example.com', password: 'the boss password' })).toEqual({ outcome: 'created', email: 'boss@example.com' });
    await expect(fixture.accounts.signIn('boss@example.com', 'the boss password')).resolves.toBeDefined();
  });

  it('refuses a given password that breaks the policy', async () => {
    await expect(fixture.accounts.ensureFirstAdmin({ password: 'short' })).rejects.toMatchObject({ code: 'INVALID_PASSWORD' });
  });

  it('makes an existing user of that email the admin rather than failing', async () => {
    const { password } = await fixture.addUser('admin@tessera.local');
    expect(await fixture.accounts.ensureFirstAdmin()).toEqual({ outcome: 'promoted', email: 'admin@tessera.local' });
    await expect(fixture.accounts.signIn('admin@tessera.local', password)).resolves.toMatchObject({ user: { platformAdmin: true } });
  });

  it('creates one admin when several processes start together', async () => {
    const outcomes = await Promise.all([fixture.accounts.ensureFirstAdmin(), fixture.accounts.ensureFirstAdmin(), fixture.accounts.ensureFirstAdmin()]);
    expect(outcomes.filter((outcome) => outcome.outcome === 'created')).toHaveLength(1);
    expect(await fixture.knex('tessera.users').where({ platform_admin: true }).count({ n: '*' }).first()).toMatchObject({ n: 1 });
  });
});
