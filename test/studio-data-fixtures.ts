import { expect } from 'vitest';
import { bulkWrite, type Blueprint, type Tessera } from '../packages/core/src/index.js';
import { field } from '../packages/core/test/fixtures.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { makeCaller, type Caller } from './access-fixtures.js';
import { crmBlueprint, regionalRole } from './crm-blueprint.js';

/** The CRM of the access suites, plus the field types the studio's data endpoints treat apart. */
export function studioBlueprint(): Blueprint {
  const blueprint = crmBlueprint();
  const customer = blueprint.objects[0]!;
  customer.label = { 'zh-CN': '客户', en: 'Customer' };
  customer.fields[0]!.label = { 'zh-CN': '姓名', en: 'Name' };
  customer.fields.push(
    field('code', 'autonumber', { autonumber: { pattern: 'C{000000}' } }),
    { ...field('mobile', 'phone', { personal: true, encrypted: true }), id: 'fld_mobile' },
    { ...field('private_email', 'email', { personal: true, encrypted: true }), id: 'fld_private_email' },
    field('vip', 'boolean'),
    field('visits', 'integer'),
    field('score', 'percent'),
    field('since', 'date'),
    field('last_seen', 'datetime'),
    field('tags', 'multi_select', { options: [{ value: 'new', label: { 'zh-CN': '新客', en: 'New' } }, { value: 'loyal', label: { 'zh-CN': '老客', en: 'Loyal' } }] }),
  );
  return blueprint;
}

/** A role that reads customers but neither their phones nor their credit limit, and no other object. */
export const noPhoneRole = {
  name: 'no_phone',
  label: { 'zh-CN': '无电话', en: 'No phone' },
  objects: {
    customer: { actions: ['read', 'update'], fields: { '*': 'write', phone: 'none', mobile: 'none', credit_limit: 'none' } },
  },
};

/** Fixed ids: customers c1…c5, orders o1…o4. */
export const customerId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
export const orderId = (n: number) => `00000000-0000-4000-9000-00000000000${n}`;

/** A running server with workspace `crm` (seeded) and `other` (one customer), and callers of every role. */
export interface StudioWorld {
  harness: ApiHarness;
  tessera: Tessera;
  callers: Record<'admin' | 'manager' | 's1' | 's3' | 'reader' | 'regional' | 'noPhone', Caller>;
  /** A customer of workspace `other`. */
  otherId: string;
}

/** Seeds the world every studio data suite starts from. */
export async function startStudioWorld(): Promise<StudioWorld> {
  const harness = await startApiHarness();
  const tessera = harness.tessera;
  await tessera.createWorkspace('crm', studioBlueprint(), 'test');
  await tessera.createWorkspace('other', studioBlueprint(), 'test');
  const as = (role: string, extra: { teams?: string[]; regions?: string[] } = {}) => makeCaller(tessera, harness.url, { memberships: [{ workspace: 'crm', role, ...extra }], name: role });
  const admin = await as('admin');
  for (const role of [regionalRole, noPhoneRole]) expect((await admin.request('PUT', `/api/w/crm/roles/${role.name}`, { document: role })).status).toBe(200);
  const callers: StudioWorld['callers'] = {
    admin, manager: await as('manager', { teams: ['t1'] }), s1: await as('sales', { teams: ['t1'] }), s3: await as('sales', { teams: ['t2'] }),
    reader: await as('read_only'), regional: await as('regional', { regions: ['east'] }), noPhone: await as('no_phone'),
  };
  const system = await tessera.system('crm', 'test seed');
  const owner = (name: keyof StudioWorld['callers']) => callers[name].userId;
  await bulkWrite(system, 'customer', 'create', [
    { id: customerId(1), name: '张三', phone: '+8613800000001', email: 'Zhang.San@Example.com', mobile: '+8613900000001', private_email: 'zs@private.cn', region: 'east', credit_limit: '1000.00', notes: 'n1', owner_id: owner('s1') },
    { id: customerId(2), name: '张三丰', phone: '+8613800000002', region: 'west', credit_limit: '2000.00', owner_id: owner('s1') },
    { id: customerId(3), name: '李四', phone: '+8613800000003', region: 'east', credit_limit: '3000.00', owner_id: owner('s3') },
    { id: customerId(4), name: '王五 100%_off', phone: '+8613800000004', region: 'west', credit_limit: '4000.00', owner_id: owner('s3') },
    { id: customerId(5), name: '赵六', phone: '+8613800000005', region: 'east', credit_limit: '5000.00' },
  ]);
  await bulkWrite(system, 'order', 'create', [
    { id: orderId(1), number: 'SO-2026-001', customer: customerId(1), amount: '10.00', region: 'east', owner_id: owner('s1') },
    { id: orderId(2), number: 'SO-2026-002', customer: customerId(3), amount: '20.00', region: 'east', owner_id: owner('s3') },
    { id: orderId(3), number: 'SO-2026-013', customer: customerId(4), amount: '30.00', region: 'west', owner_id: owner('s3') },
    { id: orderId(4), number: 'PO-9', customer: customerId(2), amount: '40.00', region: 'west', owner_id: owner('s1') },
  ]);
  const other = await bulkWrite(await tessera.system('other', 'test seed'), 'customer', 'create', [{ id: '00000000-0000-4000-a000-000000000001', name: '张三', phone: '+8613800000001' }]);
  expect(other.created).toBe(1);
  return { harness, tessera, callers, otherId: '00000000-0000-4000-a000-000000000001' };
}

/** An error body without its request id, to compare two answers. */
export function errorOf(body: Record<string, any>): Record<string, unknown> {
  const { request_id: _id, ...rest } = body.error as Record<string, unknown>;
  return rest;
}
