import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite, type Tessera } from '../packages/core/src/index.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { makeCaller, call, type Caller } from './access-fixtures.js';
import { crmBlueprint, regionalRole } from './crm-blueprint.js';

/**
 * Permission conformance: roles × objects × fields × actions × API surfaces (list, get, include,
 * count, search, bulk, export, OpenAPI), allowed and denied, each denial with its exact error.
 */
let harness: ApiHarness;
let tessera: Tessera;
const callers: Record<string, Caller> = {};
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const orderId = (n: number) => `00000000-0000-4000-9000-00000000000${n}`;
const base = '/api/w/crm/data';

function names(answer: { body: Record<string, any> }): string[] {
  return (answer.body.data as { name?: string; number?: string }[]).map((record) => record.name ?? record.number!).sort();
}

beforeAll(async () => {
  harness = await startApiHarness();
  tessera = harness.tessera;
  await tessera.createWorkspace('crm', crmBlueprint(), 'test');
  const as = (role: string, extra: { teams?: string[]; regions?: string[] } = {}) => makeCaller(tessera, harness.url, { memberships: [{ workspace: 'crm', role, ...extra }], name: role });
  callers.admin = await as('admin');
  callers.manager = await as('manager', { teams: ['t1'] });
  callers.s1 = await as('sales', { teams: ['t1'] });
  callers.s2 = await as('sales', { teams: ['t1'] });
  callers.s3 = await as('sales', { teams: ['t2'] });
  callers.reader = await as('read_only');
  const saved = await callers.admin.request('PUT', '/api/w/crm/roles/regional', { document: regionalRole });
  expect(saved.status).toBe(200);
  callers.regional = await as('regional', { regions: ['east'] });
  const system = await tessera.system('crm', 'test seed');
  const owner = (name: string) => callers[name]!.userId;
  await bulkWrite(system, 'customer', 'create', [
    { id: id(1), name: 'c1', phone: '+8613800000001', email: 'one@example.com', region: 'east', credit_limit: '1000.00', notes: 'n1', owner_id: owner('s1') },
    { id: id(2), name: 'c2', phone: '+8613800000002', region: 'west', credit_limit: '2000.00', owner_id: owner('s1') },
    { id: id(3), name: 'c3', phone: '+8613800000003', region: 'east', credit_limit: '3000.00', owner_id: owner('s2') },
    { id: id(4), name: 'c4', phone: '+8613800000004', region: 'west', credit_limit: '4000.00', owner_id: owner('s3') },
    { id: id(5), name: 'c5', phone: '+8613800000005', region: 'east', credit_limit: '5000.00' },
  ]);
  await bulkWrite(system, 'order', 'create', [
    { id: orderId(1), number: 'o1', customer: id(1), amount: '10.00', region: 'east', owner_id: owner('s1') },
    { id: orderId(2), number: 'o2', customer: id(3), amount: '20.00', region: 'east', owner_id: owner('s2') },
    { id: orderId(3), number: 'o3', customer: id(4), amount: '30.00', region: 'west', owner_id: owner('s3') },
    { id: orderId(4), number: 'o4', customer: id(2), amount: '40.00', region: 'west', owner_id: owner('s1') },
  ]);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('rows: each role sees exactly its rows on list, count and get', () => {
  const expected: Record<string, string[]> = {
    admin: ['c1', 'c2', 'c3', 'c4', 'c5'],
    reader: ['c1', 'c2', 'c3', 'c4', 'c5'],
    manager: ['c1', 'c2', 'c3', 'c5'],
    s1: ['c1', 'c2', 'c5'],
    s2: ['c3', 'c5'],
    s3: ['c4', 'c5'],
    regional: ['c1', 'c3', 'c5'],
  };
  for (const [who, visible] of Object.entries(expected)) {
    it(`${who}: list and count`, async () => {
      const page = await callers[who]!.request('GET', `${base}/customer?count=true&limit=100`);
      expect(page.status).toBe(200);
      expect(names(page)).toEqual(visible);
      expect(page.body.page.total).toBe(visible.length);
    });
    it(`${who}: get inside is 200, outside is 404 with nothing leaked`, async () => {
      for (let n = 1; n <= 5; n += 1) {
        const answer = await callers[who]!.request('GET', `${base}/customer/${id(n)}`);
        if (visible.includes(`c${n}`)) {
          expect(answer.status).toBe(200);
        } else {
          expect(answer.status).toBe(404);
          expect(answer.body.error.code).toBe('NOT_FOUND');
          expect(answer.text).not.toContain(`"name":"c${n}"`);
        }
      }
    });
  }

  it('a filter on a related object only sees related rows the caller may see', async () => {
    const byName = (name: string) => `${base}/order?filter=${encodeURIComponent(JSON.stringify({ field: 'customer.name', op: 'eq', value: name }))}`;
    expect(names(await callers.s1!.request('GET', byName('c1')))).toEqual(['o1']);
    // o2 belongs to s2 and its customer c3 to s2: neither the order nor a join through it shows.
    expect(names(await callers.s1!.request('GET', byName('c3')))).toEqual([]);
    // The regional role sees east orders; filtering them by a west customer's name finds none.
    expect(names(await callers.regional!.request('GET', byName('c2')))).toEqual([]);
  });

  it('include: related records outside the rows are left out (many_to_one shows null)', async () => {
    const orders = await callers.regional!.request('GET', `${base}/order?include=customer&sort=number`);
    expect(names(orders)).toEqual(['o1', 'o2']);
    expect(orders.body.data.map((order: { customer: { name: string } | null }) => order.customer?.name ?? null)).toEqual(['c1', 'c3']);
    expect(orders.body.data[0].customer).not.toHaveProperty('credit_limit');
    const customers = await callers.s1!.request('GET', `${base}/customer/${id(1)}?include=orders`);
    expect(customers.body.data.orders.map((order: { number: string }) => order.number)).toEqual(['o1']);
  });
});

describe('fields: a hidden field vanishes everywhere and naming it is 403 naming the field', () => {
  const forbidden = (answer: { status: number; body: Record<string, any> }, field: string) => {
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('FIELD_FORBIDDEN');
    expect(answer.body.error.message).toContain(field);
  };

  it('responses (list, get, include) have no hidden field', async () => {
    const page = await callers.regional!.request('GET', `${base}/customer`);
    for (const record of page.body.data) expect(record).not.toHaveProperty('credit_limit');
    const one = await callers.regional!.request('GET', `${base}/customer/${id(1)}`);
    expect(one.body.data).not.toHaveProperty('credit_limit');
    expect(one.body.data.name).toBe('c1');
  });

  it('filter, sort, fields, search_fields, and a relation path are refused', async () => {
    const filter = encodeURIComponent(JSON.stringify({ field: 'credit_limit', op: 'gt', value: 0 }));
    forbidden(await callers.regional!.request('GET', `${base}/customer?filter=${filter}`), 'customer.credit_limit');
    forbidden(await callers.regional!.request('POST', `${base}/customer/query`, { filter: { not: { field: 'credit_limit', op: 'is_null', value: true } } }), 'customer.credit_limit');
    forbidden(await callers.regional!.request('GET', `${base}/customer?sort=-credit_limit`), 'customer.credit_limit');
    forbidden(await callers.regional!.request('GET', `${base}/customer?fields=name,credit_limit`), 'customer.credit_limit');
    forbidden(await callers.regional!.request('GET', `${base}/customer?search=1000&search_fields=credit_limit`), 'customer.credit_limit');
    const path = encodeURIComponent(JSON.stringify({ field: 'customer.credit_limit', op: 'gt', value: 0 }));
    forbidden(await callers.regional!.request('GET', `${base}/order?filter=${path}`), 'customer.credit_limit');
    forbidden(await callers.regional!.request('GET', `${base}/customer/export?fields=name,credit_limit`), 'customer.credit_limit');
  });

  it('include of a hidden relation, or of an object the role cannot read, is refused', async () => {
    const noLink = { ...regionalRole, name: 'no_link', objects: { ...regionalRole.objects, order: { ...regionalRole.objects.order, fields: { '*': 'read', customer: 'none' } } } };
    expect((await callers.admin!.request('PUT', '/api/w/crm/roles/no_link', { document: noLink })).status).toBe(200);
    const ordersOnly = { name: 'orders_only', label: { 'zh-CN': 'o', en: 'o' }, objects: { order: { actions: ['read'] } } };
    expect((await callers.admin!.request('PUT', '/api/w/crm/roles/orders_only', { document: ordersOnly })).status).toBe(200);
    const linkless = await makeCaller(tessera, harness.url, { memberships: [{ workspace: 'crm', role: 'no_link', regions: ['east'] }] });
    forbidden(await linkless.request('GET', `${base}/order?include=customer`), 'order.customer');
    expect((await linkless.request('GET', `${base}/order`)).body.data[0]).not.toHaveProperty('customer');
    const clerk = await makeCaller(tessera, harness.url, { memberships: [{ workspace: 'crm', role: 'orders_only' }] });
    forbidden(await clerk.request('GET', `${base}/order?include=customer`), 'order.customer');
    forbidden(await clerk.request('GET', `${base}/order?filter=${encodeURIComponent(JSON.stringify({ field: 'customer.name', op: 'eq', value: 'c1' }))}`), 'customer.name');
    expect(await clerk.request('GET', `${base}/customer`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('personal fields: masked in answers, compared only for equality, never sorted', async () => {
    const one = await callers.s1!.request('GET', `${base}/customer/${id(1)}`);
    expect(one.body.data.phone).toBe('138****0001');
    expect(one.body.data.email).toBe('o***@example.com');
    forbidden(await callers.s1!.request('GET', `${base}/customer?filter=${encodeURIComponent(JSON.stringify({ field: 'phone', op: 'starts_with', value: '+86138' }))}`), 'customer.phone');
    forbidden(await callers.s1!.request('GET', `${base}/customer?sort=phone`), 'customer.phone');
    const exact = await callers.s1!.request('GET', `${base}/customer?filter=${encodeURIComponent(JSON.stringify({ field: 'phone', op: 'eq', value: '+8613800000001' }))}`);
    expect(names(exact)).toEqual(['c1']);
  });

  it('writing a field that is read-only or hidden is 403, nothing changes', async () => {
    forbidden(await callers.regional!.request('PATCH', `${base}/customer/${id(1)}`, { credit_limit: '1.00' }), 'customer.credit_limit');
    forbidden(await callers.regional!.request('PATCH', `${base}/customer/${id(1)}`, { notes: 'changed' }), 'customer.notes');
    forbidden(await callers.regional!.request('POST', `${base}/customer/bulk`, { mode: 'update', records: [{ id: id(1), credit_limit: '1.00' }] }), 'customer.credit_limit');
    const after = await callers.admin!.request('GET', `${base}/customer/${id(1)}`);
    expect(after.body.data).toMatchObject({ credit_limit: '1000.00', notes: 'n1' });
    const allowed = await callers.regional!.request('PATCH', `${base}/customer/${id(1)}`, { name: 'c1' });
    expect(allowed.status).toBe(200);
  });

  it('OpenAPI shows the role its objects, fields and operations only', async () => {
    const spec = (await callers.regional!.request('GET', '/api/w/crm/openapi.json')).body;
    expect(Object.keys(spec.components.schemas.customer.properties)).not.toContain('credit_limit');
    expect(Object.keys(spec.components.schemas.customer_patch.properties)).not.toContain('notes');
    expect(spec.paths['/api/w/{workspace}/data/customer'].post).toBeUndefined();
    expect(spec.paths['/api/w/{workspace}/data/customer'].get).toBeDefined();
    expect(spec.paths['/api/w/{workspace}/data/order/{id}'].patch).toBeUndefined();
    const full = (await callers.admin!.request('GET', '/api/w/crm/openapi.json')).body;
    expect(Object.keys(full.components.schemas.customer.properties)).toContain('credit_limit');
    expect(full.paths['/api/w/{workspace}/data/customer'].post).toBeDefined();
  });
});

describe('actions: each action is allowed or refused by the role', () => {
  it('create, delete and export without the action are 403 FORBIDDEN', async () => {
    const create = await callers.regional!.request('POST', `${base}/customer`, { name: 'x', region: 'east' });
    expect(create).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const remove = await callers.s1!.request('DELETE', `${base}/customer/${id(1)}`);
    expect(remove).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const exported = await callers.reader!.request('GET', `${base}/customer/export`);
    expect(exported).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const bulk = await callers.reader!.request('POST', `${base}/customer/bulk`, { mode: 'create', records: [{ name: 'x' }] });
    expect(bulk).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('a record created or updated outside the rows is refused (403 ROW_FORBIDDEN) and rolled back', async () => {
    const forOther = await callers.s1!.request('POST', `${base}/customer`, { name: 'gift', owner_id: callers.s2!.userId });
    expect(forOther).toMatchObject({ status: 403, body: { error: { code: 'ROW_FORBIDDEN' } } });
    const giveAway = await callers.s1!.request('PATCH', `${base}/customer/${id(2)}`, { owner_id: callers.s3!.userId });
    expect(giveAway).toMatchObject({ status: 403, body: { error: { code: 'ROW_FORBIDDEN' } } });
    expect((await callers.admin!.request('GET', `${base}/customer/${id(2)}`)).body.data.owner_id).toBe(callers.s1!.userId);
    const moved = await callers.regional!.request('PATCH', `${base}/customer/${id(1)}`, { region: 'west' });
    expect(moved).toMatchObject({ status: 403, body: { error: { code: 'ROW_FORBIDDEN' } } });
    expect((await callers.admin!.request('GET', `${base}/customer?filter=${encodeURIComponent(JSON.stringify({ field: 'name', op: 'eq', value: 'gift' }))}`)).body.data).toEqual([]);
  });

  it('a created record is owned by its creator and stays visible to them', async () => {
    const created = await callers.s3!.request('POST', `${base}/customer`, { name: 'c6', region: 'west' });
    expect(created.status).toBe(201);
    expect(created.body.data.owner_id).toBe(callers.s3!.userId);
    expect(names(await callers.s3!.request('GET', `${base}/customer`))).toEqual(['c4', 'c5', 'c6']);
  });

  it('patch and bulk update of a record outside the rows are 404, nothing written', async () => {
    const patch = await callers.s1!.request('PATCH', `${base}/customer/${id(3)}`, { name: 'taken' });
    expect(patch).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const bulk = await callers.s1!.request('POST', `${base}/customer/bulk`, { mode: 'update', records: [{ id: id(1), name: 'c1' }, { id: id(3), name: 'taken' }] });
    expect(bulk).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect((await callers.admin!.request('GET', `${base}/customer/${id(3)}`)).body.data.name).toBe('c3');
  });

  it('a bulk upsert that matches a record outside the rows is refused, all or nothing', async () => {
    const upsert = await callers.s1!.request('POST', `${base}/customer/bulk`, {
      mode: 'upsert', key: 'phone', records: [{ name: 'new one', phone: '+8613800000009' }, { name: 'hijack', phone: '+8613800000003' }],
    });
    expect(upsert).toMatchObject({ status: 403, body: { error: { code: 'ROW_FORBIDDEN' } } });
    expect((await callers.admin!.request('GET', `${base}/customer/${id(3)}`)).body.data.name).toBe('c3');
    expect((await callers.admin!.request('GET', `${base}/customer?search=${encodeURIComponent('new one')}`)).body.data).toEqual([]);
  });
});

describe('search, export, reveal', () => {
  it('search finds by exact phone or email only within the rows, and by part of a name', async () => {
    expect(names(await callers.s1!.request('GET', `${base}/customer?search=13800000001`))).toEqual(['c1']);
    expect(names(await callers.s1!.request('GET', `${base}/customer?search=${encodeURIComponent('ONE@example.com')}`))).toEqual(['c1']);
    expect(names(await callers.s1!.request('GET', `${base}/customer?search=13800000003`))).toEqual([]);
    expect(names(await callers.s1!.request('GET', `${base}/customer?search=1380000`))).toEqual([]);
    expect(names(await callers.admin!.request('GET', `${base}/customer?search=c4`))).toEqual(['c4']);
  });

  it('export: the role\'s rows and fields; personal values masked without reveal; audited', async () => {
    const csv = await callers.regional!.request('GET', `${base}/customer/export?format=csv&sort=name`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).not.toContain('credit_limit');
    expect(lines).toHaveLength(4);
    expect(csv.text).not.toContain('+8613800000001');
    expect(csv.text).toContain('138****0001');
    const full = await callers.admin!.request('GET', `${base}/customer/export?format=jsonl&sort=name`);
    const records = full.text.trim().split('\n').map((line) => JSON.parse(line) as { phone: string });
    expect(records[0]!.phone).toBe('+8613800000001');
    const audit = await callers.admin!.request('GET', '/api/w/crm/audit?action=record.export');
    expect(audit.body.data.map((event: { actorId: string }) => event.actorId)).toEqual(expect.arrayContaining([callers.regional!.userId, callers.admin!.userId]));
  });

  it('reveal: the role with reveal gets the value and an audit entry; others 403', async () => {
    const revealed = await callers.s1!.request('POST', `${base}/customer/${id(1)}/reveal`, { fields: ['phone'] });
    expect(revealed).toMatchObject({ status: 200, body: { data: { phone: '+8613800000001' } } });
    const refused = await callers.reader!.request('POST', `${base}/customer/${id(1)}/reveal`, {});
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const outside = await callers.s1!.request('POST', `${base}/customer/${id(3)}/reveal`, {});
    expect(outside.status).toBe(404);
    const audit = await callers.admin!.request('GET', `/api/w/crm/audit?object=customer&record=${id(1)}&action=record.reveal`);
    expect(audit.body.data[0]).toMatchObject({ actorId: callers.s1!.userId, details: { fields: ['phone'] } });
  });
});

describe('audit log: who, when, what changed; append-only; no personal values', () => {
  it('records old → new per field, and personal fields only as changed', async () => {
    const created = await callers.admin!.request('POST', `${base}/customer`, { name: 'audited', phone: '+8613911112222', region: 'east' });
    const recordId = created.body.data.id as string;
    await callers.admin!.request('PATCH', `${base}/customer/${recordId}`, { name: 'audited 2', phone: '+8613933334444' });
    const history = await callers.admin!.request('GET', `/api/w/crm/audit?object=customer&record=${recordId}`);
    expect(history.body.data.map((event: { action: string }) => event.action)).toEqual(['record.update', 'record.create']);
    expect(history.body.data[0].changes).toEqual({ name: { old: 'audited', new: 'audited 2' }, phone: { changed: true } });
    expect(history.body.data[0]).toMatchObject({ actorId: callers.admin!.userId, actorLabel: expect.stringContaining(callers.admin!.email), channel: 'api' });
    const raw = await tessera.database.knex.raw(`SELECT changes::text AS changes FROM ws_crm._audit`);
    expect(JSON.stringify(raw.rows)).not.toContain('13911112222');
    expect(JSON.stringify(raw.rows)).not.toContain('13933334444');
  });

  it('is refused to roles without the audit capability, and cannot be changed even with SQL', async () => {
    expect(await callers.s1!.request('GET', '/api/w/crm/audit')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    await expect(tessera.database.knex.raw('UPDATE ws_crm._audit SET action = \'x\'')).rejects.toThrow(/append-only/);
    await expect(tessera.database.knex.raw('DELETE FROM ws_crm._audit')).rejects.toThrow(/append-only/);
    await expect(tessera.database.knex.raw('TRUNCATE ws_crm._audit')).rejects.toThrow(/append-only/);
  });

  it('role and member changes are audited', async () => {
    const audit = await callers.admin!.request('GET', '/api/w/crm/audit?action=role.save');
    expect(audit.body.data).toContainEqual(expect.objectContaining({ action: 'role.save', actorId: callers.admin!.userId, details: expect.objectContaining({ name: 'regional' }) }));
  });
});

describe('API key scopes and role documents', () => {
  it('a key used beyond its scope is 403 SCOPE_DENIED', async () => {
    const reader = await makeCaller(tessera, harness.url, { memberships: [{ workspace: 'crm', role: 'admin' }], scopes: ['records:read'] });
    expect((await reader.request('GET', `${base}/customer`)).status).toBe(200);
    expect(await reader.request('POST', `${base}/customer`, { name: 'x' })).toMatchObject({ status: 403, body: { error: { code: 'SCOPE_DENIED' } } });
    expect(await reader.request('GET', `${base}/customer/export`)).toMatchObject({ status: 403, body: { error: { code: 'SCOPE_DENIED' } } });
    expect(await reader.request('GET', '/api/w/crm/members')).toMatchObject({ status: 403, body: { error: { code: 'SCOPE_DENIED' } } });
    expect(await reader.request('POST', '/api/w/crm/blueprint/plan', { blueprint: crmBlueprint() })).toMatchObject({ status: 403, body: { error: { code: 'SCOPE_DENIED' } } });
  });

  it('role documents are validated: unknown fields, variables, hostile keys', async () => {
    const put = (document: unknown) => callers.admin!.request('PUT', `/api/w/crm/roles/${(document as { name: string }).name}`, { document });
    const bad = await put({ ...regionalRole, name: 'bad1', objects: { customer: { actions: ['read'], rows: { field: 'nope', op: 'eq', value: 1 } } } });
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'INVALID_DOCUMENT' } } });
    const variable = await put({ ...regionalRole, name: 'bad2', objects: { customer: { actions: ['read'], rows: { field: 'region', op: 'eq', value: '$user.password' } } } });
    expect(variable).toMatchObject({ status: 422, body: { error: { errors: [expect.objectContaining({ pointer: '/objects/customer/rows/value' })] } } });
    const hostile = await callers.admin!.request('PUT', '/api/w/crm/roles/bad3', `{"document":{"name":"bad3","label":{"zh-CN":"x","en":"x"},"objects":{"__proto__":{"actions":["read"]}}}}`);
    // The JSON parser itself refuses a __proto__ key; nothing reaches the role or Object.prototype.
    expect(hostile.status).toBe(400);
    expect(({} as Record<string, unknown>).actions).toBeUndefined();
    const builtIn = await put({ ...regionalRole, name: 'admin' });
    expect(builtIn).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const byNonAdmin = await callers.manager!.request('PUT', '/api/w/crm/roles/mine', { document: { ...regionalRole, name: 'mine' } });
    expect(byNonAdmin).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('injection strings in filters, sorts and searches have no effect', async () => {
    for (const value of ["' OR 1=1 --", '"; DROP TABLE ws_crm.customer; --', '\\\' OR \'\'=\'']) {
      const filtered = await callers.s1!.request('GET', `${base}/customer?filter=${encodeURIComponent(JSON.stringify({ field: 'name', op: 'eq', value }))}`);
      expect(filtered).toMatchObject({ status: 200, body: { data: [] } });
      expect(names(await callers.s1!.request('GET', `${base}/customer?search=${encodeURIComponent(value)}`))).toEqual([]);
    }
    expect((await callers.s1!.request('GET', `${base}/customer?sort=${encodeURIComponent('name;DROP TABLE x')}`)).status).toBe(400);
    expect((await callers.admin!.request('GET', `${base}/customer?count=true`)).body.page.total).toBeGreaterThanOrEqual(5);
  });

  it('member and role requests with wrong types, huge lists or unknown roles are refused, changing nothing', async () => {
    const before = (await callers.admin!.request('GET', '/api/w/crm/members')).body.data.length;
    const member = (body: unknown) => callers.admin!.request('POST', '/api/w/crm/members', body);
    expect(await member({ email: callers.s1!.email, role: 'sales', teams: 't1' })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await member({ email: callers.s1!.email, role: 'sales', teams: Array.from({ length: 51 }, (_, i) => `t${i}`) })).toMatchObject({ status: 400 });
    expect(await member({ email: callers.s1!.email, role: 'no_such_role' })).toMatchObject({ status: 400 });
    expect(await member({ email: callers.s1!.email, role: "sales'; DROP TABLE tessera.users; --" })).toMatchObject({ status: 400 });
    expect(await member([1, 2])).toMatchObject({ status: 400 });
    expect((await callers.admin!.request('GET', '/api/w/crm/members')).body.data.length).toBe(before);
    expect(await callers.admin!.request('PUT', '/api/w/crm/roles/empty', {})).toMatchObject({ status: 422, body: { error: { code: 'INVALID_DOCUMENT' } } });
    expect(await callers.admin!.request('PUT', '/api/w/crm/roles/other', { document: { ...regionalRole, name: 'mismatch' } })).toMatchObject({ status: 400 });
    expect((await callers.admin!.request('GET', '/api/w/crm/roles')).body.data.map((role: { name: string }) => role.name)).not.toContain('mismatch');
  });

  it('no credentials is 401', async () => {
    expect(await call(harness.url, undefined, 'GET', `${base}/customer`)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });
});
