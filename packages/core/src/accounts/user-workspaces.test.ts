import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;
const ids: Record<string, number> = {};

describe('workspacesOf', () => {
  beforeAll(async () => {
    fixture = await openAccountsFixture();
    for (const [slug, name, archived, version] of [['alpha', '阿尔法', false, 1], ['beta', null, false, 1], ['old', 'Old', true, 1], ['half', 'Half', false, 0]] as const) {
      const [row] = await fixture.knex('tessera.workspaces').insert({ slug, name, schema_name: `ws_${slug}`, blueprint: '{}', blueprint_version: version, archived_at: archived ? fixture.knex.raw('now()') : null }).returning('id');
      ids[slug] = Number(row.id);
    }
  });
  afterAll(async () => fixture.close());

  it('lists a member\'s workspaces with the role, archived and unfinished ones left out', async () => {
    const { user } = await fixture.addUser('member@example.com');
    for (const [slug, role] of [['alpha', 'sales'], ['old', 'admin'], ['half', 'admin']] as const) await fixture.knex('tessera.memberships').insert({ user_id: user.id, workspace_id: ids[slug], role });
    const principal = { kind: 'user' as const, userId: user.id, label: user.email, platformAdmin: false };
    expect(await fixture.accounts.workspacesOf(principal)).toEqual([{ slug: 'alpha', name: '阿尔法', role: 'sales' }]);
  });

  it('gives a platform admin every live workspace as admin, and a bound key its workspace only', async () => {
    const { user } = await fixture.addUser('boss@example.com', { platformAdmin: true });
    const principal = { kind: 'user' as const, userId: user.id, label: user.email, platformAdmin: true };
    expect(await fixture.accounts.workspacesOf(principal)).toEqual([{ slug: 'alpha', name: '阿尔法', role: 'admin' }, { slug: 'beta', name: 'beta', role: 'admin' }]);
    expect(await fixture.accounts.workspacesOf({ ...principal, kind: 'api_key', scopes: ['records:read'], workspaceId: ids.beta })).toEqual([{ slug: 'beta', name: 'beta', role: 'admin' }]);
  });
});
