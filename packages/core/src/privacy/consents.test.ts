import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataContext } from '../data/index.js';
import { consentedSql } from './consented-sql.js';
import { consentsOf } from './consents-of.js';
import { hasConsent } from './has-consent.js';
import { recordConsent } from './record-consent.js';
import { openPrivacyWorld, type PrivacyWorld } from './test-fixtures.js';

let world: PrivacyWorld;
let staff: DataContext;
const knex = () => world.tessera.database.knex;
const count = async (table: string) => Number((await knex()(`ws_shop.${table}`).count<{ count: string }[]>('* as count').first())!.count);

describe('consents', () => {
  beforeAll(async () => {
    world = await openPrivacyWorld();
    staff = await world.as('service');
  });
  afterAll(async () => world.tessera.close());

  it('keeps a history, answers the latest state per channel and purpose, and audits each entry without its source', async () => {
    const id = world.customer.id as string;
    await recordConsent(staff, 'customers', id, { channel: 'sms', purpose: 'marketing', status: 'granted', source: '门店 柜台 A' });
    await recordConsent(staff, 'customers', id, { channel: 'email', purpose: 'service', status: 'granted' });
    const withdrawn = await recordConsent(staff, 'customers', id, { channel: 'sms', purpose: 'marketing', status: 'withdrawn', source: 'hotline' });
    expect(withdrawn).toMatchObject({ channel: 'sms', purpose: 'marketing', status: 'withdrawn', source: 'hotline', actorId: staff.actor });
    const consents = await consentsOf(await world.as('read_only'), 'customers', id);
    expect(consents.data.map((entry) => `${entry.channel}/${entry.purpose}=${entry.status}`)).toEqual(['email/service=granted', 'sms/marketing=withdrawn']);
    expect(consents.history.map((entry) => `${entry.channel}/${entry.purpose}=${entry.status}`)).toEqual(['sms/marketing=withdrawn', 'email/service=granted', 'sms/marketing=granted']);
    const audited = await knex()('ws_shop._audit').where({ action: 'privacy.consent', record_id: id }).orderBy('id');
    expect(audited.map((entry) => entry.details)).toEqual([
      { channel: 'sms', purpose: 'marketing', status: 'granted' }, { channel: 'email', purpose: 'service', status: 'granted' }, { channel: 'sms', purpose: 'marketing', status: 'withdrawn' },
    ]);
  });

  it('answers hasConsent: true once granted, false after a withdrawal and when never granted', async () => {
    const id = world.otherCustomer.id as string;
    const system = await world.system();
    expect(await hasConsent(system, 'customers', id, 'wechat', 'marketing')).toBe(false);
    await recordConsent(staff, 'customers', id, { channel: 'wechat', purpose: 'marketing', status: 'granted' });
    expect(await hasConsent(system, 'customers', id, 'wechat', 'marketing')).toBe(true);
    expect(await hasConsent(system, 'customers', id, 'wechat', 'analytics')).toBe(false);
    await recordConsent(staff, 'customers', id, { channel: 'wechat', purpose: 'marketing', status: 'withdrawn' });
    expect(await hasConsent(system, 'customers', id, 'wechat', 'marketing')).toBe(false);
    await recordConsent(staff, 'customers', id, { channel: 'wechat', purpose: 'marketing', status: 'granted' });
    expect(await hasConsent(system, 'customers', id, 'wechat', 'marketing')).toBe(true);
  });

  it('gives segment queries a set-based condition that agrees with hasConsent', async () => {
    const condition = consentedSql('ws_shop', 'customers', 'wechat', 'marketing', 'c');
    const { rows } = await knex().raw(`SELECT c.name FROM ws_shop.customers AS c WHERE ${condition.sql} ORDER BY c.name`, condition.bindings);
    expect(rows).toEqual([{ name: '李四' }]);
    expect(() => consentedSql('ws_shop', 'customers', 'sms', 'marketing', 'c; DROP TABLE x')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('refuses malformed consents (400) before anything is written', async () => {
    const id = world.customer.id as string;
    const before = [await count('_consents'), await count('_audit')];
    const bad: unknown[] = [
      { channel: "sms'; DROP TABLE ws_shop._consents; --", purpose: 'marketing', status: 'granted' },
      { channel: 'sms', purpose: 'marketing OR 1=1', status: 'granted' },
      { channel: 'SMS', purpose: 'marketing', status: 'granted' },
      { channel: 'sms', purpose: 'marketing', status: 'maybe' },
      { channel: 'sms', purpose: 'marketing', status: 'granted', source: 'x'.repeat(201) },
      { channel: 'sms', purpose: 'marketing', status: 'granted', at: '2020-01-01' },
      JSON.parse('{"channel":"sms","purpose":"marketing","status":"granted","__proto__":{"polluted":true}}'),
      ['sms'], null,
    ];
    for (const body of bad) await expect(recordConsent(staff, 'customers', id, body)).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    await expect(hasConsent(await world.system(), 'customers', id, "sms' OR '1'='1", 'marketing')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect([await count('_consents'), await count('_audit')]).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('needs update to record and read to look; other ids are not found', async () => {
    const id = world.customer.id as string;
    const body = { channel: 'sms', purpose: 'marketing', status: 'granted' };
    await expect(recordConsent(await world.as('read_only'), 'customers', id, body)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(recordConsent(staff, 'customers', world.orders[0]!.id as string, body)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(recordConsent(staff, 'customers', world.foreignCustomer.id as string, body)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(consentsOf(staff, 'customers', 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const sales = await world.as('sales');
    const owned = await knex()('ws_shop.customers').where({ id }).update({ owner_id: 'someone-else' });
    expect(owned).toBe(1);
    await expect(consentsOf(sales, 'customers', id)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
