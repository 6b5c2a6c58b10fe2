import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord, getRecord } from '../data/index.js';
import { erasePerson } from './erase-person.js';
import { erasedText, erasedValue } from './erased-value.js';
import { openTestDatabase } from '../testing/index.js';
import { Tessera } from '../tessera.js';
import { recordConsent } from './record-consent.js';
import { openPrivacyWorld, placeholderBlueprint, zhang, type PrivacyWorld } from './test-fixtures.js';

let world: PrivacyWorld;
const knex = () => world.tessera.database.knex;
const versionOf = async (table: string, id: unknown) => Number((await knex()(`ws_shop.${table}`).where({ id }).first('version')).version);

describe('erasePerson', () => {
  beforeAll(async () => {
    world = await openPrivacyWorld();
    await recordConsent(await world.system(), 'customers', world.customer.id as string, { channel: 'wechat', purpose: 'marketing', status: 'granted', source: `张三本人签字，电话 ${zhang.phone}` });
  });
  afterAll(async () => world.tessera.close());

  it('refuses without {confirm: true} (400) and a role without the privacy capability (403), changing nothing', async () => {
    const id = world.customer.id as string;
    await expect(erasePerson(await world.as('admin'), 'customers', id)).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    await expect(erasePerson(await world.as('admin'), 'customers', id, { confirm: 'yes' })).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    await expect(erasePerson(await world.as('manager'), 'customers', id, { confirm: true })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(erasePerson(await world.as('admin'), 'customers', world.orders[0]!.id as string, { confirm: true })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(erasePerson(await world.as('admin'), 'customers', world.foreignCustomer.id as string, { confirm: true })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await versionOf('customers', id)).toBe(1);
    expect(await knex()('ws_shop._audit').where('action', 'like', 'privacy.erase%')).toEqual([]);
  });

  it('anonymises the customer and its orders, keeps the records, amounts and links, and audits each record', async () => {
    const admin = await world.as('admin');
    const id = world.customer.id as string;
    const result = await erasePerson(admin, 'customers', id, { confirm: true });
    expect(result).toMatchObject({ subject: { object: 'customers', id }, changed: true, consentSourcesCleared: 1 });
    expect(result.records.map((record) => `${record.object} ${record.fields.join(',')}`).sort()).toEqual([
      'customers address,email,name,phone', 'orders shipping_address,shipping_phone', 'orders shipping_address,shipping_phone',
    ]);
    const system = await world.system();
    const customer = await getRecord(system, 'customers', id);
    const email = erasedValue(system.model.objects.get('customers')!.fields.get('email')!, id);
    expect(customer).toMatchObject({ name: erasedText, phone: null, email, address: null, city: '北京', version: 2, updated_by: admin.actor });
    expect(email).toMatch(/^erased\+[0-9a-f]{12}@example\.invalid$/);
    const orders = await knex()('ws_shop.orders').where({ customer: id }).orderBy('order_no');
    expect(orders.map((order) => [order.order_no, order.amount, order.shipping_address, order.version])).toEqual([['SO-1', '256.00', null, 2], ['SO-2', '99.50', null, 2]]);
    for (const order of orders) expect(order.shipping_phone).toMatch(/^\+86100\d{8}$/);
    expect(await getRecord(system, 'customers', world.otherCustomer.id as string)).toMatchObject({ name: '李四', version: 1 });
    expect(await knex()('ws_shop.order_items').where({ order: world.orders[0]!.id }).first()).toMatchObject({ quantity: 2 });

    const entries = await knex()('ws_shop._audit').where('action', 'like', 'privacy.erase%').orderBy('id');
    expect(entries.map((entry) => `${entry.action} ${entry.object}`)).toEqual(['privacy.erase customers', 'privacy.erase orders', 'privacy.erase orders', 'privacy.erase_request customers']);
    expect(entries[0]).toMatchObject({ record_id: id, actor_id: admin.actor, changes: { name: true, phone: true, email: true, address: true } });
    const events = await knex()('ws_shop._outbox').whereIn('record_id', [id, ...orders.map((order) => order.id)]).where({ type: 'record.updated' });
    expect(events).toHaveLength(3);
    const consents = await knex()('ws_shop._consents').where({ record_id: id });
    expect(consents).toEqual([expect.objectContaining({ channel: 'wechat', purpose: 'marketing', status: 'granted', source: null })]);
  });

  it('leaves no personal value in the audit log, the outbox or the consents', async () => {
    for (const table of ['_audit', '_outbox', '_consents']) {
      const { rows } = await knex().raw(`SELECT t::text AS line FROM ws_shop.${table} AS t`);
      const text = (rows as { line: string }[]).map((row) => row.line).join('\n');
      for (const value of Object.values(zhang)) expect(text, `${table} holds ${value}`).not.toContain(value);
      expect(text).not.toContain('zhang.san');
    }
  });

  it('is harmless the second time: nothing changes and the answer says so', async () => {
    const id = world.customer.id as string;
    const before = await knex()('ws_shop._audit').count<{ count: string }[]>('* as count').first();
    const result = await erasePerson(await world.as('admin'), 'customers', id, { confirm: true });
    expect(result).toMatchObject({ changed: false, records: [], consentSourcesCleared: 0 });
    expect(await versionOf('customers', id)).toBe(2);
    const after = await knex()('ws_shop._audit').count<{ count: string }[]>('* as count').first();
    expect(Number(after!.count) - Number(before!.count)).toBe(1);
  });

  it('erases a customer in the trash too', async () => {
    const system = await world.system();
    await deleteRecord(system, 'customers', world.otherCustomer.id as string);
    const result = await erasePerson(await world.as('admin'), 'customers', world.otherCustomer.id as string, { confirm: true });
    expect(result.records.map((record) => record.object)).toEqual(['customers', 'orders']);
    expect(await knex()('ws_shop.customers').where({ id: world.otherCustomer.id }).first()).toMatchObject({ name: erasedText, phone: null });
  });
});

describe('erasure placeholders', () => {
  let clinic: Tessera;
  beforeAll(async () => {
    clinic = await Tessera.attach(await openTestDatabase());
    await clinic.createWorkspace('clinic', placeholderBlueprint(), 'tester');
  });
  afterAll(async () => clinic.close());

  it('keeps a unique personal phone unique when its first placeholder is taken', async () => {
    const system = await clinic.system('clinic', 'test');
    const mobile = system.model.objects.get('members')!.fields.get('mobile')!;
    const erased = await createRecord(system, 'members', { mobile: '+8613811112222', nickname: '小明' });
    const taken = erasedValue(mobile, erased.id as string)!;
    await createRecord(system, 'members', { mobile: taken, nickname: '占位' });
    await erasePerson(system, 'members', erased.id as string, { confirm: true });
    const row = await getRecord(system, 'members', erased.id as string);
    expect(row.mobile).toBe(erasedValue(mobile, erased.id as string, 1));
    expect(row.nickname).toBe(erasedText);
    expect((await erasePerson(system, 'members', erased.id as string, { confirm: true })).changed).toBe(false);
  });

  it('refuses (422, naming the field) a required personal field that no placeholder fits, writing nothing', async () => {
    const system = await clinic.system('clinic', 'test');
    const patient = await createRecord(system, 'patients', { born: '1990-05-04', name: '王芳' });
    const refused = await erasePerson(system, 'patients', patient.id as string, { confirm: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', status: 422, errors: [expect.objectContaining({ pointer: '/patients/born', code: 'invalid' })] });
    expect(await getRecord(system, 'patients', patient.id as string)).toMatchObject({ name: '王芳', version: 1 });
  });

  it('refuses a placeholder the field\'s own constraints reject (a text shorter than the placeholder)', async () => {
    const system = await clinic.system('clinic', 'test');
    const badge = await createRecord(system, 'badges', { initials: 'ZS' });
    // '已删除 / erased' is 12 characters: over the field's 8.
    const refused = await erasePerson(system, 'badges', badge.id as string, { confirm: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ pointer: '/badges/initials', code: 'max_length' })] });
    expect(await getRecord(system, 'badges', badge.id as string)).toMatchObject({ initials: 'ZS', version: 1 });
  });
});
