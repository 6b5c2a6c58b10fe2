import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;

describe('describePrincipal', () => {
  beforeAll(async () => { fixture = await openAccountsFixture(); });
  afterAll(async () => fixture.close());

  it('tells the user and the workspaces of a session or of a key\'s owner', async () => {
    const { user, password } = await fixture.addUser('who@example.com');
    const [workspace] = await fixture.knex('tessera.workspaces').insert({ slug: 'crm', name: '客户管理', schema_name: 'ws_crm', blueprint: '{}', blueprint_version: 1 }).returning('id');
    await fixture.knex('tessera.memberships').insert({ user_id: user.id, workspace_id: workspace.id, role: 'manager' });
    const { token } = await fixture.accounts.signIn('who@example.com', password);
    const principal = (await fixture.accounts.resolveSession(token))!.principal;
    const expected = { user: { id: user.id, email: 'who@example.com' }, workspaces: [{ slug: 'crm', name: '客户管理', role: 'manager' }] };
    expect(await fixture.accounts.describe(principal)).toMatchObject(expected);
    const key = await fixture.accounts.createApiKey(principal, { name: 'k', scopes: ['records:read'] });
    expect(await fixture.accounts.describe((await fixture.accounts.resolveApiKey(key.token))!)).toMatchObject(expected);
  });
});
