import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsent } from './record-consent.js';
import { exportPerson } from './export-person.js';
import { openPrivacyWorld, zhang, type PrivacyWorld } from './test-fixtures.js';

let world: PrivacyWorld;
const audit = (action: string) => world.tessera.database.knex('ws_shop._audit').where({ action }).orderBy('id');

describe('exportPerson', () => {
  beforeAll(async () => {
    world = await openPrivacyWorld();
    const staff = await world.as('service');
    await recordConsent(staff, 'customers', world.customer.id as string, { channel: 'sms', purpose: 'marketing', status: 'granted', source: '门店柜台' });
    await recordConsent(staff, 'customers', world.customer.id as string, { channel: 'sms', purpose: 'marketing', status: 'withdrawn' });
  });
  afterAll(async () => world.tessera.close());

  it('holds the record, its orders and other records pointing at it, personal values in clear, and its consents', async () => {
    const exported = await exportPerson(await world.as('admin'), 'customers', world.customer.id as string);
    expect(exported).toMatchObject({ format: 'tessera-subject-export/1', workspace: { slug: 'shop' }, subject: { object: 'customers', id: world.customer.id } });
    expect(exported.record).toMatchObject({ id: world.customer.id, ...zhang, city: '北京' });
    expect(exported.related['orders.customer']!.map((order) => [order.order_no, order.amount, order.shipping_phone])).toEqual([
      ['SO-1', '256.00', zhang.phone], ['SO-2', '99.50', zhang.phone],
    ]);
    expect(exported.related['interactions.customer']).toHaveLength(1);
    expect(exported.related['coupons.customer']).toEqual([]);
    expect(exported.references.tags).toEqual([expect.objectContaining({ name: 'VIP' })]);
    expect(exported.references.member_level).toBeNull();
    expect(exported.consents.data).toEqual([expect.objectContaining({ channel: 'sms', purpose: 'marketing', status: 'withdrawn', source: null })]);
    expect(exported.consents.history.map((entry) => entry.status)).toEqual(['withdrawn', 'granted']);
    expect(exported.audit.map((entry) => `${entry.action} ${entry.object}`)).toEqual([
      'record.create customers', 'record.create orders', 'record.create orders', 'record.create interactions', 'privacy.consent customers', 'privacy.consent customers',
    ]);
    expect(JSON.stringify(exported.audit)).not.toContain(zhang.phone);
  });

  it('is audited in the same transaction, without personal values', async () => {
    const before = (await audit('privacy.export')).length;
    const admin = await world.as('admin');
    await exportPerson(admin, 'customers', world.customer.id as string);
    const entries = await audit('privacy.export');
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ object: 'customers', record_id: world.customer.id, actor_id: admin.actor, details: { related: { 'orders.customer': 2 } } });
    expect(JSON.stringify(entries.at(-1))).not.toContain(zhang.email);
  });

  it('masks the personal values of other people the subject points at', async () => {
    const exported = await exportPerson(await world.system(), 'orders', world.orders[0]!.id as string);
    expect(exported.record.shipping_phone).toBe(zhang.phone);
    expect(exported.references.customer).toMatchObject({ id: world.customer.id, phone: '138****5678', email: 'z***@example.com' });
    expect(exported.related['order_items.order']).toEqual([expect.objectContaining({ quantity: 2 })]);
  });

  it('refuses a role without the privacy capability (403) and hides what the caller cannot find (404)', async () => {
    await expect(exportPerson(await world.as('service'), 'customers', world.customer.id as string)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const admin = await world.as('admin');
    await expect(exportPerson(admin, 'customers', world.orders[0]!.id as string)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(exportPerson(admin, 'customers', world.foreignCustomer.id as string)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(exportPerson(admin, 'customers', "1' OR '1'='1")).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(exportPerson(admin, 'nope', world.customer.id as string)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((await audit('privacy.export')).filter((entry) => entry.actor_id === admin.actor)).toEqual([]);
  });
});
