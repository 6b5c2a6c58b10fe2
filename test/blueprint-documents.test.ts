import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Blueprint, Form, View } from '../packages/core/src/index.js';
import { field, label } from '../packages/core/test/fixtures.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { makeCaller, type Caller } from './access-fixtures.js';
import { crmBlueprint } from './crm-blueprint.js';

/**
 * Forms and views in the blueprint over HTTP: what GET /me shows each role of them, how plan
 * refuses a form or view left naming a renamed or removed field, and the archives a removal leaves.
 */
let harness: ApiHarness;
const callers: Record<string, Caller> = {};

/** A clerk updates customers but never sees their credit limit or stage, reads notes, and has no orders. */
const clerkRole = {
  name: 'clerk',
  label: { 'zh-CN': '文员', en: 'Clerk' },
  objects: { customer: { actions: ['read', 'update'], fields: { '*': 'write', credit_limit: 'none', stage: 'none', notes: 'read' } } },
};

const customerForm: Form = {
  id: 'customer_form', object: 'customer', sections: [
    { id: 'main', title: label('main'), fields: [
      { field: 'name', widget: 'text' },
      { field: 'phone', visibleWhen: { field: 'credit_limit', op: 'gt', value: 100 } },
      { field: 'region', requiredWhen: { field: 'name', op: 'is_null', value: false }, readOnlyWhen: { field: 'stage', op: 'eq', value: 'won' } },
    ] },
    { id: 'money', title: label('money'), fields: [{ field: 'credit_limit', widget: 'updown' }, { field: 'stage', widget: 'radio' }] },
    { id: 'notes', title: label('notes'), visibleWhen: { field: 'stage', op: 'ne', value: 'won' }, fields: [{ field: 'notes', widget: 'textarea' }] },
  ],
};
const orderForm: Form = { id: 'order_form', object: 'order', sections: [{ id: 'main', title: label('main'), fields: [{ field: 'number' }, { field: 'customer' }] }] };

const view = (name: string, extra: Partial<View>): View => ({ id: name, name, object: 'customer', label: label(name), columns: [{ field: 'name' }], ...extra });
const views: View[] = [
  view('wide', { columns: [{ field: 'name' }, { field: 'credit_limit', width: 120 }, { field: 'region' }] }),
  view('rich', { filter: { field: 'credit_limit', op: 'gt', value: 1000 } }),
  view('by_limit', { sort: [{ field: 'credit_limit', direction: 'desc' }] }),
  view('limits_only', { columns: [{ field: 'credit_limit' }] }),
  view('board', { type: 'kanban', groupBy: 'stage' }),
  view('east', { filter: { field: 'region', op: 'eq', value: 'east' }, sort: [{ field: 'name' }] }),
  { id: 'east_orders', name: 'east_orders', object: 'order', label: label('east orders'), columns: [{ field: 'number' }], filter: { field: 'customer.region', op: 'eq', value: 'east' } },
];

function documentsBlueprint(): Blueprint {
  const blueprint = crmBlueprint();
  const customer = blueprint.objects[0]!;
  customer.help = label('people who buy');
  customer.fields.push(
    field('stage', 'single_select', { options: [{ value: 'lead', label: label('lead') }, { value: 'won', label: label('won') }], default: 'lead' }),
    field('score', 'computed', { computed: { resultType: 'integer', expression: { secret: 'formula' } } }),
  );
  return { ...blueprint, forms: [customerForm, orderForm], views };
}

async function plan(blueprint: Blueprint) {
  return harness.request('POST', '/api/w/docs/blueprint/plan', { blueprint });
}

beforeAll(async () => {
  harness = await startApiHarness();
  await harness.tessera.createWorkspace('docs', documentsBlueprint(), 'test');
  const as = (role: string) => makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'docs', role }], name: role });
  callers.admin = await as('admin');
  expect((await callers.admin.request('PUT', '/api/w/docs/roles/clerk', { document: clerkRole })).status).toBe(200);
  callers.clerk = await as('clerk');
  callers.reader = await as('read_only');
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('GET /me', () => {
  it('gives each visible field its client definition and access, in blueprint order, never an id, default or expression', async () => {
    const me = await callers.reader!.request('GET', '/api/w/docs/me');
    expect(me.status).toBe(200);
    const customer = me.body.objects.customer;
    expect(customer).toMatchObject({ label: label('customer'), help: label('people who buy'), titleField: 'name', actions: ['read'] });
    expect(Object.keys(customer.fields)).toEqual(['name', 'phone', 'email', 'region', 'credit_limit', 'notes', 'orders', 'stage', 'score']);
    expect(customer.fields.name).toEqual({ type: 'text', label: label('name'), required: true, maxLength: 80, access: 'read' });
    expect(customer.fields.phone).toEqual({ type: 'phone', label: label('phone'), unique: true, access: 'read', personal: true });
    expect(customer.fields.stage).toEqual({ type: 'single_select', label: label('stage'), options: [{ value: 'lead', label: label('lead') }, { value: 'won', label: label('won') }], access: 'read' });
    expect(customer.fields.score).toEqual({ type: 'computed', label: label('score'), computed: { resultType: 'integer' }, access: 'read' });
    expect(me.text).not.toContain('formula');
  });

  it('marks engine-filled fields read-only even for a role that writes everything', async () => {
    const fields = (await callers.admin!.request('GET', '/api/w/docs/me')).body.objects.customer.fields;
    expect([fields.name.access, fields.score.access, fields.orders.access, fields.credit_limit.access]).toEqual(['write', 'read', 'read', 'write']);
    expect(fields.orders.relation).toEqual({ kind: 'one_to_many', target: 'order', inverse: 'customer' });
  });

  it('gives a role that reads everything every form and view as the blueprint has them', async () => {
    const me = await callers.reader!.request('GET', '/api/w/docs/me');
    expect(me.body.forms).toEqual([customerForm, orderForm]);
    expect(me.body.views).toEqual(views);
  });

  it('narrows forms and views for a restricted role: hidden fields, their conditions and the views needing them go', async () => {
    const me = await callers.clerk!.request('GET', '/api/w/docs/me');
    expect(Object.keys(me.body.objects)).toEqual(['customer']);
    expect(Object.keys(me.body.objects.customer.fields)).toEqual(['name', 'phone', 'email', 'region', 'notes', 'orders', 'score']);
    expect(me.body.objects.customer.fields.notes.access).toBe('read');
    expect(me.body.forms).toEqual([{
      id: 'customer_form', object: 'customer', sections: [
        { id: 'main', title: label('main'), fields: [
          { field: 'name', widget: 'text' },
          { field: 'phone' },
          { field: 'region', requiredWhen: { field: 'name', op: 'is_null', value: false } },
        ] },
        { id: 'notes', title: label('notes'), fields: [{ field: 'notes', widget: 'textarea' }] },
      ],
    }]);
    expect(me.body.views).toEqual([
      view('wide', { columns: [{ field: 'name' }, { field: 'region' }] }),
      view('east', { filter: { field: 'region', op: 'eq', value: 'east' }, sort: [{ field: 'name' }] }),
    ]);
  });

  it('leaves out a view filtering a personal field by more than equality, and one sorting by it', async () => {
    const blueprint = documentsBlueprint();
    blueprint.views = [view('by_phone', { sort: [{ field: 'phone' }] }), view('phone_prefix', { filter: { field: 'phone', op: 'starts_with', value: '+86' } }), view('has_phone', { filter: { field: 'phone', op: 'is_null', value: false } })];
    expect((await harness.request('POST', '/api/w/docs/blueprint/apply', { blueprint })).status).toBe(200);
    const names = (await callers.reader!.request('GET', '/api/w/docs/me')).body.views.map((item: View) => item.name);
    expect(names).toEqual(['has_phone']);
    expect((await harness.request('POST', '/api/w/docs/blueprint/apply', { blueprint: documentsBlueprint() })).status).toBe(200);
  });
});

describe('blueprint changes and the forms and views that name fields', () => {
  it('refuse a form or view still naming a renamed field, and accept them naming its new name', async () => {
    const renamed = documentsBlueprint();
    renamed.objects[0]!.fields.find((candidate) => candidate.id === 'region')!.name = 'area';
    const refused = await plan(renamed);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('INVALID_DOCUMENT');
    expect(refused.body.error.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      '/views/0/columns/2/field', '/views/5/filter/field', '/views/6/filter/field', '/forms/0/sections/0/fields/2/field',
    ]);
    expect(refused.body.error.errors[0].message).toEqual({ 'zh-CN': '引用的“region”不存在', en: 'refers to "region", which does not exist' });
    const followed = JSON.parse(JSON.stringify(renamed)) as Blueprint & { views: View[]; forms: Form[] };
    followed.views[0]!.columns[2]!.field = 'area';
    followed.views[5]!.filter = { field: 'area', op: 'eq', value: 'east' };
    followed.views[6]!.filter = { field: 'customer.area', op: 'eq', value: 'east' };
    followed.forms[0]!.sections[0]!.fields[2]!.field = 'area';
    const accepted = await plan(followed);
    expect(accepted.status).toBe(200);
    expect(accepted.body.plan.steps.map((step: { kind: string }) => step.kind)).toEqual(['rename_field']);
  });

  it('refuse removing a field a form or view still names; once they let it go, the field goes to the archives and comes back', async () => {
    const removed = documentsBlueprint();
    removed.objects[0]!.fields = removed.objects[0]!.fields.filter((candidate) => candidate.name !== 'stage');
    const refused = await plan(removed);
    expect(refused.status).toBe(422);
    expect(refused.body.error.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual([
      '/views/4/groupBy unknown_reference', '/forms/0/sections/0/fields/2/readOnlyWhen/field unknown_reference',
      '/forms/0/sections/1/fields/1/field unknown_reference', '/forms/0/sections/2/visibleWhen/field unknown_reference',
    ]);
    removed.views = views.filter((candidate) => candidate.name !== 'board');
    removed.forms = [orderForm];
    const applied = await harness.request('POST', '/api/w/docs/blueprint/apply', { blueprint: removed });
    expect(applied.status).toBe(200);
    const archives = await harness.request('GET', '/api/w/docs/blueprint/archives');
    expect(archives.status).toBe(200);
    expect(archives.body.data).toEqual([expect.objectContaining({
      kind: 'field', object_id: 'customer', field_id: 'stage', name: 'stage', label: label('stage'), archived_in_version: applied.body.version,
      definition: documentsBlueprint().objects[0]!.fields.find((candidate) => candidate.name === 'stage'),
    })]);
    expect(new Date(archives.body.data[0].archived_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await harness.request('POST', '/api/w/docs/blueprint/apply', { blueprint: documentsBlueprint() })).status).toBe(200);
    expect((await harness.request('GET', '/api/w/docs/blueprint/archives')).body.data).toEqual([]);
  });

  it('refuse an invalid form over HTTP with every error located, and change nothing', async () => {
    const before = (await harness.request('GET', '/api/w/docs/blueprint')).body.version;
    const bad = documentsBlueprint();
    bad.forms = [{ ...orderForm, sections: [{ id: 'main', title: label('main'), fields: [{ field: 'number', widget: 'checkbox' }, { field: 'customer', visibleWhen: { field: 'customer.region', op: 'eq', value: 'x' } }] }] }, { ...orderForm, id: 'again' }];
    const refused = await harness.request('POST', '/api/w/docs/blueprint/apply', { blueprint: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual([
      '/forms/0/sections/0/fields/0/widget not_applicable', '/forms/0/sections/0/fields/1/visibleWhen/field own_fields_only', '/forms/1/object duplicate_name',
    ]);
    expect((await harness.request('GET', '/api/w/docs/blueprint')).body.version).toBe(before);
  });
});

describe('GET blueprint/archives', () => {
  it('is for roles with the blueprint capability only', async () => {
    expect(await callers.clerk!.request('GET', '/api/w/docs/blueprint/archives')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await callers.reader!.request('GET', '/api/w/docs/blueprint/archives')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await callers.admin!.request('GET', '/api/w/docs/blueprint/archives')).status).toBe(200);
  });
});
