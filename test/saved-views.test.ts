import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Tessera, type View } from '../packages/core/src/index.js';
import { label } from '../packages/core/test/fixtures.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { makeCaller, type Caller } from './access-fixtures.js';
import { crmBlueprint, regionalRole } from './crm-blueprint.js';

/**
 * Saved views over HTTP on both databases: each member's own and the shared ones, who may change
 * which, versions, narrowing to the caller's role, the audit log, and bad input that writes nothing.
 */
let harness: ApiHarness;
const callers: Record<string, Caller> = {};
const base = '/api/w/crm/saved-views';

const view = (name: string, extra: Partial<View> = {}): View => ({ id: name, name, object: 'customer', label: label(name), columns: [{ field: 'name' }, { field: 'region' }], ...extra });

async function state(): Promise<{ views: number; audit: number }> {
  const knex = harness.tessera.database.knex;
  const [views] = await knex('ws_crm._saved_views').count({ n: '*' }) as [{ n: string | number }];
  const [audit] = await knex('ws_crm._audit').where('action', 'like', 'saved_view.%').count({ n: '*' }) as [{ n: string | number }];
  return { views: Number(views.n), audit: Number(audit.n) };
}

/** An answer of either test client. */
type Answer = { status: number; body: Record<string, any> };

function refused(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
}

const names = (answer: Answer) => (answer.body.data as { view: View }[]).map((row) => row.view.name);

beforeAll(async () => {
  harness = await startApiHarness();
  await harness.tessera.createWorkspace('crm', crmBlueprint(), 'test');
  const as = (role: string, regions: string[] = []) => makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'crm', role, regions }], name: role });
  callers.admin = await as('admin');
  expect((await callers.admin.request('PUT', '/api/w/crm/roles/regional', { document: regionalRole })).status).toBe(200);
  callers.s1 = await as('sales');
  callers.s2 = await as('sales');
  callers.regional = await as('regional', ['east']);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('personal and shared views', () => {
  it('a member saves a personal view and lists it; nobody else sees it', async () => {
    const created = await callers.s1!.request('POST', base, { view: view('mine'), shared: false });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), owner_id: callers.s1!.userId, shared: false, version: 1, view: view('mine'), mine: true });
    expect(names(await callers.s1!.request('GET', `${base}?object=customer`))).toEqual(['mine']);
    expect(names(await callers.s2!.request('GET', `${base}?object=customer`))).toEqual([]);
    expect(names(await callers.admin!.request('GET', `${base}?object=customer`))).toEqual([]);
    expect(names(await callers.s1!.request('GET', `${base}?object=order`))).toEqual([]);
  });

  it('only a role with the blueprint capability shares a view; every member reading the object lists it', async () => {
    const before = await state();
    refused(await callers.s1!.request('POST', base, { view: view('team'), shared: true }), 403, 'FORBIDDEN');
    expect(await state()).toEqual(before);
    const shared = await callers.admin!.request('POST', base, { view: view('team', { type: 'kanban', columns: [{ field: 'name' }], groupBy: undefined }), shared: true });
    refused(shared, 422, 'INVALID_DOCUMENT');
    const created = await callers.admin!.request('POST', base, { view: view('team', { sort: [{ field: 'name', direction: 'asc' }] }), shared: true });
    expect(created.status).toBe(201);
    const listed = await callers.s2!.request('GET', `${base}?object=customer`);
    expect(listed.body.data).toEqual([{ ...created.body.data, mine: false }]);
    expect(names(await callers.s1!.request('GET', `${base}?object=customer`))).toEqual(['mine', 'team']);
  });

  it('updates check the version and who may change the view', async () => {
    const [team] = (await callers.admin!.request('GET', `${base}?object=customer`)).body.data;
    const [mine] = (await callers.s1!.request('GET', `${base}?object=customer`)).body.data;
    const before = await state();
    refused(await callers.s1!.request('PUT', `${base}/${team.id}`, { view: view('taken'), version: 1 }), 403, 'FORBIDDEN');
    refused(await callers.s2!.request('PUT', `${base}/${mine.id}`, { view: view('taken'), version: 1 }), 404, 'NOT_FOUND');
    refused(await callers.s2!.request('DELETE', `${base}/${mine.id}`), 404, 'NOT_FOUND');
    refused(await callers.admin!.request('PUT', `${base}/${mine.id}`, { view: view('taken'), version: 1 }), 404, 'NOT_FOUND');
    refused(await callers.s1!.request('PUT', `${base}/${mine.id}`, { view: view('mine'), shared: true, version: 1 }), 403, 'FORBIDDEN');
    refused(await callers.admin!.request('PUT', `${base}/${team.id}`, { view: view('team2'), version: 2 }), 409, 'VERSION_CONFLICT');
    expect(await state()).toEqual(before);
    const updated = await callers.admin!.request('PUT', `${base}/${team.id}`, { view: view('team2'), version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ id: team.id, version: 2, shared: true, view: view('team2'), mine: true });
    refused(await callers.admin!.request('PUT', `${base}/${team.id}`, { view: view('team3'), version: 1 }), 409, 'VERSION_CONFLICT');
    const renamed = await callers.s1!.request('PUT', `${base}/${mine.id}`, { view: view('mine2'), version: 1 });
    expect(renamed.body.data).toMatchObject({ version: 2, shared: false, view: { name: 'mine2' } });
  });

  it('the owner and a blueprint role delete; each write is in the audit log', async () => {
    const created = await callers.s2!.request('POST', base, { view: view('short_lived') });
    expect(created.body.data.shared).toBe(false);
    const deleted = await callers.s2!.request('DELETE', `${base}/${created.body.data.id}`);
    expect(deleted).toMatchObject({ status: 200, body: { deleted: created.body.data.id } });
    refused(await callers.s2!.request('DELETE', `${base}/${created.body.data.id}`), 404, 'NOT_FOUND');
    const audit = await harness.tessera.database.knex('ws_crm._audit').where('action', 'like', 'saved_view.%').orderBy('id').select('action', 'actor_id', 'object', 'details');
    expect(audit.map((row: { action: string; actor_id: string }) => `${row.action} ${row.actor_id === callers.s2!.userId ? 's2' : ''}`)).toEqual([
      'saved_view.create ', 'saved_view.create ', 'saved_view.update ', 'saved_view.update ', 'saved_view.create s2', 'saved_view.delete s2',
    ]);
    expect(audit.at(-1)).toMatchObject({ object: 'customer', details: { id: created.body.data.id, shared: false, view: view('short_lived') } });
  });
});

describe('what a role reads', () => {
  it('a shared view loses the columns a role cannot read, and goes when its filter, sort or every column needs one', async () => {
    const shared: [string, Partial<View>][] = [
      ['limits', { columns: [{ field: 'name' }, { field: 'credit_limit' }] }],
      ['rich', { filter: { field: 'credit_limit', op: 'gt', value: '10.00' } }],
      ['by_limit', { sort: [{ field: 'credit_limit', direction: 'desc' }] }],
      ['only_limit', { columns: [{ field: 'credit_limit' }] }],
    ];
    for (const [name, extra] of shared) expect((await callers.admin!.request('POST', base, { view: view(name, extra), shared: true })).status).toBe(201);
    const listed = await callers.regional!.request('GET', `${base}?object=customer`);
    expect(names(listed)).toEqual(['team2', 'limits']);
    expect(listed.body.data[1].view.columns).toEqual([{ field: 'name' }]);
    expect(names(await callers.s1!.request('GET', `${base}?object=customer`))).toEqual(['mine2', 'team2', 'limits', 'rich', 'by_limit', 'only_limit']);
  });

  it('a member cannot save a view naming a field or object the role hides, or sorting by personal data', async () => {
    const before = await state();
    refused(await callers.regional!.request('POST', base, { view: view('x', { columns: [{ field: 'credit_limit' }] }) }), 403, 'FIELD_FORBIDDEN');
    refused(await callers.regional!.request('POST', base, { view: view('x', { filter: { field: 'credit_limit', op: 'gt', value: 1 } }) }), 403, 'FIELD_FORBIDDEN');
    refused(await callers.s1!.request('POST', base, { view: view('x', { sort: [{ field: 'phone' }] }) }), 403, 'FIELD_FORBIDDEN');
    refused(await callers.s1!.request('POST', base, { view: view('x', { filter: { field: 'phone', op: 'starts_with', value: '+86' } }) }), 403, 'FIELD_FORBIDDEN');
    expect((await callers.admin!.request('PUT', '/api/w/crm/roles/customers_only', { document: { name: 'customers_only', label: label('c'), objects: { customer: { actions: ['read'] } } } })).status).toBe(200);
    const narrow = await makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'crm', role: 'customers_only' }] });
    refused(await narrow.request('POST', base, { view: { ...view('x'), object: 'order', columns: [{ field: 'number' }] } }), 404, 'NOT_FOUND');
    refused(await narrow.request('GET', `${base}?object=order`), 404, 'NOT_FOUND');
    expect(await state()).toEqual(before);
  });
});

describe('bad input is refused and writes nothing', () => {
  const huge = 'x'.repeat(300 * 1024);
  const cases: [string, string, () => string, unknown, number, string][] = [
    ['an array body', 'POST', () => base, [view('x')], 400, 'BAD_REQUEST'],
    ['a string body', 'POST', () => base, '"view"', 400, 'BAD_REQUEST'],
    ['no view', 'POST', () => base, { shared: false }, 400, 'BAD_REQUEST'],
    ['shared not a boolean', 'POST', () => base, { view: view('x'), shared: 'yes' }, 400, 'BAD_REQUEST'],
    ['an unknown key', 'POST', () => base, { view: view('x'), owner_id: 'someone' }, 400, 'BAD_REQUEST'],
    ['a version on create', 'POST', () => base, { view: view('x'), version: 1 }, 400, 'BAD_REQUEST'],
    ['a 300 KB view', 'POST', () => base, { view: view('x', { label: { 'zh-CN': huge, en: 'x' } }) }, 400, 'BAD_REQUEST'],
    ['columns of the wrong type', 'POST', () => base, { view: { ...view('x'), columns: 'name' } }, 422, 'INVALID_DOCUMENT'],
    ['a view that is not an object', 'POST', () => base, { view: 'customer' }, 422, 'INVALID_DOCUMENT'],
    ['an unknown object', 'POST', () => base, { view: { ...view('x'), object: 'ghost' } }, 404, 'NOT_FOUND'],
    ['a prototype object name', 'POST', () => base, { view: { ...view('x'), object: 'constructor' } }, 404, 'NOT_FOUND'],
    ['a hostile object name', 'POST', () => base, { view: { ...view('x'), object: '__proto__' } }, 404, 'NOT_FOUND'],
    ['an unknown column', 'POST', () => base, { view: view('x', { columns: [{ field: 'ghost' }] }) }, 422, 'INVALID_DOCUMENT'],
    ['a hostile column name', 'POST', () => base, { view: view('x', { columns: [{ field: 'name"; DROP TABLE ws_crm.customer; --' }] }) }, 422, 'INVALID_DOCUMENT'],
    ['a filter on an unknown path', 'POST', () => base, { view: view('x', { filter: { field: 'orders.number', op: 'eq', value: 'o1' } }) }, 422, 'INVALID_DOCUMENT'],
    ['a filter value of the wrong type', 'POST', () => base, { view: view('x', { filter: { field: 'credit_limit', op: 'gt', value: 'lots' } }) }, 422, 'INVALID_DOCUMENT'],
    ['groupBy on a table', 'POST', () => base, { view: view('x', { groupBy: 'region' }) }, 422, 'INVALID_DOCUMENT'],
    ['a list without an object', 'GET', () => base, undefined, 400, 'BAD_REQUEST'],
    ['a list naming two objects', 'GET', () => `${base}?object=customer&object=order`, undefined, 400, 'BAD_REQUEST'],
    ['a list naming a hostile object', 'GET', () => `${base}?object=__proto__`, undefined, 400, 'BAD_REQUEST'],
    ['an id that is no uuid', 'PUT', () => `${base}/..%2F..%2Fdata`, { view: view('x'), version: 1 }, 404, 'NOT_FOUND'],
    ['an unknown id', 'DELETE', () => `${base}/00000000-0000-4000-8000-000000000000`, undefined, 404, 'NOT_FOUND'],
    ['an update without a version', 'PUT', () => `${base}/00000000-0000-4000-8000-000000000000`, { view: view('x') }, 400, 'BAD_REQUEST'],
    ['a version that is no integer', 'PUT', () => `${base}/00000000-0000-4000-8000-000000000000`, { view: view('x'), version: '1' }, 400, 'BAD_REQUEST'],
  ];
  it.each(cases)('%s', async (_name, method, path, body, status, code) => {
    const before = await state();
    const answer = await callers.s1!.request(method, path(), body);
    refused(answer, status, code);
    expect(answer.body.error.messages['zh-CN']).toEqual(expect.any(String));
    expect(await state()).toEqual(before);
  });

  it('names each refused part of the document with its pointer', async () => {
    const answer = await callers.s1!.request('POST', base, { view: view('x', { columns: [{ field: 'ghost' }], sort: [{ field: 'notes' }, { field: 'orders' }] }) });
    expect(answer.body.error.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual([
      '/view/columns/0/field unknown_reference', '/view/sort/1/field unknown_reference',
    ]);
  });

  it('an update of another workspace member\'s view through a sibling workspace finds nothing', async () => {
    await harness.tessera.createWorkspace('other', crmBlueprint(), 'test');
    const [mine] = (await callers.s1!.request('GET', `${base}?object=customer`)).body.data;
    refused(await harness.request('PUT', `/api/w/other/saved-views/${mine.id}`, { view: view('x'), version: mine.version }), 404, 'NOT_FOUND');
  });
});

describe('OpenAPI', () => {
  it('describes the saved view endpoints to every member and the archives to blueprint roles only, in a valid document', async () => {
    const member = (await callers.s1!.request('GET', '/api/w/crm/openapi.json')).body;
    expect(Object.keys(member.paths['/api/w/{workspace}/saved-views'])).toEqual(['parameters', 'get', 'post']);
    expect(Object.keys(member.paths['/api/w/{workspace}/saved-views/{id}'])).toEqual(['parameters', 'put', 'delete']);
    expect(member.paths['/api/w/{workspace}/blueprint/archives']).toBeUndefined();
    const admin = (await callers.admin!.request('GET', '/api/w/crm/openapi.json')).body;
    expect(admin.paths['/api/w/{workspace}/blueprint/archives'].get.operationId).toBe('list_archives');
    const result = await new Validator().validate(admin as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
  });
});

describe('blueprint changes and workspace upgrades', () => {
  it('a view naming a removed field is no longer listed; its owner still deletes it', async () => {
    const created = await callers.s1!.request('POST', base, { view: view('with_notes', { filter: { field: 'notes', op: 'contains', value: 'vip' } }) });
    expect(created.status).toBe(201);
    const blueprint = crmBlueprint();
    blueprint.objects[0]!.fields = blueprint.objects[0]!.fields.filter((candidate) => candidate.name !== 'notes');
    expect((await harness.request('POST', '/api/w/crm/blueprint/apply', { blueprint })).status).toBe(200);
    expect(names(await callers.s1!.request('GET', `${base}?object=customer`))).not.toContain('with_notes');
    expect((await callers.s1!.request('DELETE', `${base}/${created.body.data.id}`)).status).toBe(200);
  });

  it('a workspace made before saved views gains the table when the engine opens', async () => {
    const knex = harness.tessera.database.knex;
    await knex.raw('DROP TABLE ws_other._saved_views');
    await Tessera.attach(harness.tessera.database);
    const created = await harness.request('POST', '/api/w/other/saved-views', { view: view('after_upgrade') });
    expect(created.status).toBe(201);
    expect(names(await harness.request('GET', '/api/w/other/saved-views?object=customer'))).toEqual(['after_upgrade']);
  });

  it('a saved view follows renames of its object and of the fields it names, through relations too', async () => {
    const east = view('east', { filter: { field: 'region', op: 'eq', value: 'east' }, sort: [{ field: 'region' }, { field: 'created_at', direction: 'desc' }] });
    expect((await harness.request('POST', '/api/w/other/saved-views', { view: east })).status).toBe(201);
    const orders: View = { id: 'o', name: 'o', object: 'order', label: label('o'), columns: [{ field: 'number' }, { field: 'customer' }], filter: { field: 'customer.region', op: 'eq', value: 'east' } };
    expect((await harness.request('POST', '/api/w/other/saved-views', { view: orders })).status).toBe(201);
    const renamed = crmBlueprint();
    const [customer, order] = renamed.objects;
    customer!.name = 'client';
    customer!.fields.find((candidate) => candidate.id === 'region')!.name = 'area';
    order!.fields.find((candidate) => candidate.id === 'customer')!.relation!.target = 'client';
    expect((await harness.request('POST', '/api/w/other/blueprint/apply', { blueprint: renamed })).status).toBe(200);
    const clients = await harness.request('GET', '/api/w/other/saved-views?object=client');
    expect(clients.body.data.map((row: { view: View }) => row.view)).toEqual([
      view('after_upgrade', { object: 'client', columns: [{ field: 'name' }, { field: 'area' }] }),
      view('east', { object: 'client', columns: [{ field: 'name' }, { field: 'area' }], filter: { field: 'area', op: 'eq', value: 'east' }, sort: [{ field: 'area' }, { field: 'created_at', direction: 'desc' }] }),
    ]);
    const [listed] = (await harness.request('GET', '/api/w/other/saved-views?object=order')).body.data;
    expect(listed.view.filter).toEqual({ field: 'customer.area', op: 'eq', value: 'east' });
    const updated = await harness.request('PUT', `/api/w/other/saved-views/${listed.id}`, { view: { ...listed.view, pageSize: 20 }, version: listed.version });
    expect(updated.body.data).toMatchObject({ version: 2, view: { filter: { field: 'customer.area' }, pageSize: 20 } });
  });
});
