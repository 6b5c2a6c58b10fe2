import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, type ApiRecord } from '../data/index.js';
import type { Blueprint } from '../documents/index.js';
import { openTestDatabase } from '../testing/index.js';
import { Tessera } from '../tessera.js';
import { erasePerson } from './erase-person.js';
import { exportPerson } from './export-person.js';
import { fillShop, personalRetailBlueprint, zhang } from './test-fixtures.js';

/** The shop, with the customer's phone and email and the orders' shipping phone encrypted at rest. */
function encryptedShop(): Blueprint {
  const blueprint = personalRetailBlueprint();
  const fieldOf = (object: string, name: string) => blueprint.objects.find((item) => item.name === object)!.fields.find((item) => item.name === name)!;
  Object.assign(fieldOf('customers', 'phone'), { encrypted: true, unique: false });
  Object.assign(fieldOf('customers', 'email'), { encrypted: true, unique: false });
  Object.assign(fieldOf('orders', 'shipping_phone'), { encrypted: true });
  blueprint.objects.find((item) => item.name === 'customers')!.indexes = blueprint.objects.find((item) => item.name === 'customers')!.indexes?.filter((index) => !index.fields.some((name) => ['phone', 'email'].includes(name.replace(/^-/, ''))));
  return blueprint;
}

describe('data-subject requests on encrypted fields', () => {
  let tessera: Tessera;
  let customer: ApiRecord;

  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('shop', encryptedShop(), 'tester');
    customer = (await fillShop(await tessera.system('shop', 'test set-up'))).customer;
  }, 60_000);

  afterAll(async () => {
    await tessera?.close();
  });

  it('exports the plain values, not their envelopes', async () => {
    const exported = await exportPerson(await tessera.system('shop', 'test'), 'customers', customer.id as string);
    expect(exported.record).toMatchObject({ phone: zhang.phone, email: zhang.email });
    const orders = Object.values(exported.related).flat() as { shipping_phone?: string }[];
    expect(orders.filter((order) => order.shipping_phone !== undefined).map((order) => order.shipping_phone)).toEqual([zhang.phone, zhang.phone]);
    expect(JSON.stringify(exported)).not.toContain('tse1.');
  });

  it('erases them sealed (the column accepts only envelopes) and a second run changes nothing', async () => {
    const context = await tessera.system('shop', 'test');
    const first = await erasePerson(context, 'customers', customer.id as string, { confirm: true });
    expect(first.changed).toBe(true);
    const { rows } = await context.knex.raw(`SELECT phone, email FROM ws_shop.customers WHERE id = ?`, [customer.id as string]);
    expect(rows[0].phone).toBeNull();
    expect(String(rows[0].email)).toMatch(/^tse1\./);
    const { rows: orders } = await context.knex.raw(`SELECT shipping_phone FROM ws_shop.orders WHERE customer = ?`, [customer.id as string]);
    for (const order of orders as { shipping_phone: string }[]) expect(order.shipping_phone).toMatch(/^tse1\./);
    const exported = await exportPerson(context, 'customers', customer.id as string);
    expect(exported.record.email).toMatch(/@example\.invalid$/);
    expect(JSON.stringify(exported)).not.toContain(zhang.phone);
    const second = await erasePerson(context, 'customers', customer.id as string, { confirm: true });
    expect(second.changed).toBe(false);
  });

  it('a plain customer created after it is still found by its encrypted phone', async () => {
    const context = await tessera.system('shop', 'test');
    await createRecord(context, 'customers', { name: '赵六', phone: '+8613700000000', email: 'zhao@example.com' });
    const { listRecords } = await import('../data/index.js');
    const found = await listRecords(context, 'customers', { filter: JSON.stringify({ field: 'phone', op: 'eq', value: '+8613700000000' }) });
    expect(found.data.map((record) => record.name)).toEqual(['赵六']);
  });
});
