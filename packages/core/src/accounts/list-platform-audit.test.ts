import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendPlatformAudit } from '../audit/index.js';
import { openAccountsFixture, type AccountsFixture } from './account-fixtures.js';

let fixture: AccountsFixture;

describe('listPlatformAudit', () => {
  beforeAll(async () => {
    fixture = await openAccountsFixture();
    for (let index = 0; index < 7; index += 1) {
      await appendPlatformAudit(fixture.knex, { action: index % 2 === 0 ? 'auth.sign_in' : 'user.updated', principal: { kind: 'user', userId: `u${index % 3}`, label: `user${index % 3}@example.com`, platformAdmin: false }, target: `t${index}` });
    }
  });
  afterAll(async () => fixture.close());

  it('pages newest first with a cursor, through every event once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await fixture.accounts.listAudit(fixture.system, { limit: '3', ...(cursor ? { cursor } : {}) });
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((event) => event.target!));
      cursor = page.page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['t6', 't5', 't4', 't3', 't2', 't1', 't0']);
  });

  it('filters by actor id or label, action and time', async () => {
    const byId = await fixture.accounts.listAudit(fixture.system, { actor: 'u1' });
    expect(byId.data.map((event) => event.target)).toEqual(['t4', 't1']);
    const byLabel = await fixture.accounts.listAudit(fixture.system, { actor: 'user1@example.com', action: 'user.updated' });
    expect(byLabel.data.map((event) => event.target)).toEqual(['t1']);
    expect((await fixture.accounts.listAudit(fixture.system, { from: '2999-01-01' })).data).toEqual([]);
    expect((await fixture.accounts.listAudit(fixture.system, { to: '2000-01-01T00:00:00Z' })).data).toEqual([]);
    expect((await fixture.accounts.listAudit(fixture.system, { from: '2000-01-01' })).data).toHaveLength(7);
  });

  it('refuses bad queries with 400 INVALID_QUERY and non-admins with 403', async () => {
    for (const query of [{ limit: '0' }, { limit: '501' }, { limit: 'ten' }, { cursor: 'garbage' }, { from: 'yesterday' }, { actor: ['a', 'b'] }, { cursor: Buffer.from('["x",1]').toString('base64url') }]) {
      await expect(fixture.accounts.listAudit(fixture.system, query)).rejects.toMatchObject({ code: 'INVALID_QUERY', status: 400 });
    }
    await expect(fixture.accounts.listAudit({ kind: 'user', userId: 'u1', label: 'x', platformAdmin: false }, {})).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('stays append-only: UPDATE and DELETE are refused by the trigger', async () => {
    await expect(fixture.knex('tessera.platform_audit').update({ action: 'forged' })).rejects.toThrow(/append-only/);
    await expect(fixture.knex('tessera.platform_audit').delete()).rejects.toThrow(/append-only/);
  });
});
