import { readFileSync } from 'node:fs';
import { asSystem, putMembership, type Principal } from '../access/index.js';
import { createRecord, type ApiRecord, type DataContext } from '../data/index.js';
import type { Blueprint, Field } from '../documents/index.js';
import { openTestDatabase } from '../testing/index.js';
import { Tessera } from '../tessera.js';
import { field, label, teamsBlueprint } from '../../test/fixtures.js';

/**
 * The retail template with its people's data marked personal: a customer's name, phone, email
 * (made required and unique, to exercise placeholders) and address; an order's shipping phone
 * (required) and shipping address.
 */
export function personalRetailBlueprint(): Blueprint {
  const blueprint = JSON.parse(readFileSync(new URL('../../../../templates/retail/blueprint.json', import.meta.url), 'utf8')) as Blueprint;
  const objectOf = (name: string) => blueprint.objects.find((object) => object.name === name)!;
  const mark = (object: string, name: string, extra: Partial<Field> = {}) => Object.assign(objectOf(object).fields.find((item) => item.name === name)!, { personal: true }, extra);
  mark('customers', 'name');
  mark('customers', 'phone');
  mark('customers', 'email', { required: true, unique: true });
  mark('customers', 'address');
  objectOf('orders').fields.push(
    field('shipping_phone', 'phone', { required: true, personal: true }),
    field('shipping_address', 'text', { maxLength: 200, personal: true }),
  );
  return blueprint;
}

/**
 * Objects whose required personal fields test placeholders: a unique phone and a text (which have
 * one), a date (no placeholder) and a text too short for its placeholder.
 */
export function placeholderBlueprint(): Blueprint {
  const blueprint = teamsBlueprint();
  blueprint.objects.push(
    { id: 'members', name: 'members', label: label('members'), fields: [field('mobile', 'phone', { required: true, unique: true, personal: true }), field('nickname', 'text', { required: true, personal: true })] },
    { id: 'patients', name: 'patients', label: label('patients'), fields: [field('born', 'date', { required: true, personal: true }), field('name', 'text', { required: true, personal: true })] },
    { id: 'badges', name: 'badges', label: label('badges'), fields: [field('initials', 'text', { maxLength: 8, required: true, personal: true })] },
  );
  return blueprint;
}

/** The customer the tests export and erase, and what identifies them. */
export const zhang = { name: '张三', phone: '+8613812345678', email: 'zhang.san@example.com', address: '北京市朝阳区建国路 88 号' };

/** A fresh database with the workspaces `shop` and `other` (the same blueprint) and a few records. */
export interface PrivacyWorld {
  tessera: Tessera;
  customer: ApiRecord;
  otherCustomer: ApiRecord;
  orders: ApiRecord[];
  product: ApiRecord;
  /** A customer of the workspace `other`. */
  foreignCustomer: ApiRecord;
  /** A data context in `shop` for a member holding `role` (a new user each call). */
  as(role: string): Promise<DataContext>;
  system(): Promise<DataContext>;
}

/** The records of a shop: two customers (张三 with two orders, an order item and an interaction; 李四 with one order), a tag, a product. */
export type ShopRecords = Pick<PrivacyWorld, 'customer' | 'otherCustomer' | 'orders' | 'product'>;

/** Fills a workspace made from personalRetailBlueprint() (in system mode). */
export async function fillShop(context: DataContext): Promise<ShopRecords> {
  const options = (object: string, name: string) => context.model.objects.get(object)!.fields.get(name)!.options![0]!.value;
  const tag = await createRecord(context, 'tags', { name: 'VIP' });
  const product = await createRecord(context, 'products', { sku: 'TEA-01', name: '龙井茶', category: options('products', 'category'), price: '128.00' });
  const customer = await createRecord(context, 'customers', { ...zhang, city: '北京', tags: [tag.id] });
  const otherCustomer = await createRecord(context, 'customers', { name: '李四', phone: '+8613900001111', email: 'li.si@example.com' });
  const order = (no: string, owner: ApiRecord, amount: string) => createRecord(context, 'orders', {
    order_no: no, customer: owner.id, channel: options('orders', 'channel'), status: options('orders', 'status'), ordered_at: '2026-03-01T10:00:00Z',
    amount, shipping_phone: owner === customer ? zhang.phone : '+8613900001111', shipping_address: owner === customer ? zhang.address : '上海市',
  });
  const orders = [await order('SO-1', customer, '256.00'), await order('SO-2', customer, '99.50'), await order('SO-3', otherCustomer, '10.00')];
  await createRecord(context, 'order_items', { order: orders[0]!.id, product: product.id, quantity: 2, unit_price: '128.00', line_total: '256.00' });
  await createRecord(context, 'interactions', { customer: customer.id, kind: options('interactions', 'kind'), occurred_at: '2026-03-02T09:00:00Z', subject: '咨询发货' });
  return { customer, otherCustomer, orders, product };
}

let users = 0;

/** Opens the database, creates the workspaces and fills `shop`. */
export async function openPrivacyWorld(): Promise<PrivacyWorld> {
  const tessera = await Tessera.attach(await openTestDatabase());
  await tessera.createWorkspace('shop', personalRetailBlueprint(), 'tester');
  await tessera.createWorkspace('other', personalRetailBlueprint(), 'tester');
  const filled = await fillShop(await tessera.system('shop', 'privacy test set-up'));
  const foreignCustomer = await createRecord(await tessera.system('other', 'privacy test set-up'), 'customers', { name: '王五', email: 'wang.wu@example.com' });
  const shop = await tessera.workspace('shop');
  return {
    tessera, foreignCustomer, ...filled,
    system: () => tessera.system('shop', 'privacy test'),
    async as(role) {
      users += 1;
      const email = `${role}${users}@staff.example.com`;
      const user = await tessera.accounts.createUser(asSystem('privacy test'), { email, name: `${role} ${users}`, password: 'correct horse battery staple' });
      await putMembership(tessera.database.knex, { userId: user.id, workspaceId: shop.id, role, teams: [], regions: [] });
      const principal: Principal = { kind: 'user', userId: user.id, label: email, platformAdmin: false };
      return tessera.data('shop', principal);
    },
  };
}
