import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { makeCaller, type Caller } from './access-fixtures.js';
import { fillShop, personalRetailBlueprint, zhang, type ShopRecords } from '../packages/core/src/privacy/test-fixtures.js';

/** Data-subject requests over HTTP: /api/w/<slug>/privacy/<object>/<id>/{export,erase,consents}. */
let harness: ApiHarness;
let shop: ShopRecords;
let admin: Caller;
let service: Caller;
let readOnly: Caller;
let readScoped: Caller;
const path = (id: unknown, action: string) => `/api/w/shop/privacy/customers/${String(id)}/${action}`;

beforeAll(async () => {
  harness = await startApiHarness();
  await harness.tessera.createWorkspace('shop', personalRetailBlueprint(), 'test');
  shop = await fillShop(await harness.tessera.system('shop', 'test seed'));
  const member = (role: string, scopes?: string[]) => makeCaller(harness.tessera, harness.url, { memberships: [{ workspace: 'shop', role }], name: role, ...(scopes ? { scopes } : {}) });
  admin = await member('admin');
  service = await member('service');
  readOnly = await member('read_only');
  readScoped = await member('admin', ['records:read']);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('privacy endpoints', () => {
  it('exports a person as a JSON attachment, personal values in clear', async () => {
    const answer = await admin.request('GET', path(shop.customer.id, 'export'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="customers-${String(shop.customer.id)}-${new Date().toISOString().slice(0, 10)}.json"`);
    expect(answer.body).toMatchObject({ format: 'tessera-subject-export/1', subject: { object: 'customers', id: shop.customer.id }, record: { phone: zhang.phone, email: zhang.email } });
    expect(answer.body.related['orders.customer']).toHaveLength(2);
  });

  it('records consents (201) and answers their state and history', async () => {
    const granted = await service.request('POST', path(shop.customer.id, 'consents'), { channel: 'sms', purpose: 'marketing', status: 'granted', source: '门店' });
    expect(granted.status).toBe(201);
    expect(granted.body.data).toMatchObject({ channel: 'sms', purpose: 'marketing', status: 'granted', source: '门店' });
    await service.request('POST', path(shop.customer.id, 'consents'), { channel: 'sms', purpose: 'marketing', status: 'withdrawn' });
    const consents = await readOnly.request('GET', path(shop.customer.id, 'consents'));
    expect(consents.status).toBe(200);
    expect(consents.body.data).toEqual([expect.objectContaining({ channel: 'sms', status: 'withdrawn' })]);
    expect(consents.body.history).toHaveLength(2);
  });

  it('refuses malformed consents with 400 and a role without update with 403', async () => {
    const bad = await service.request('POST', path(shop.customer.id, 'consents'), { channel: "sms' OR 1=1 --", purpose: 'marketing', status: 'granted' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect((await service.request('POST', path(shop.customer.id, 'consents'), '[]')).status).toBe(400);
    const refused = await readOnly.request('POST', path(shop.customer.id, 'consents'), { channel: 'sms', purpose: 'marketing', status: 'granted' });
    expect(refused.status).toBe(403);
    expect((await readOnly.request('GET', path(shop.customer.id, 'consents'))).body.history).toHaveLength(2);
  });

  it('refuses export and erasure to roles without the privacy capability and to keys without the admin scope', async () => {
    for (const [method, action, body] of [['GET', 'export'], ['POST', 'erase', { confirm: true }]] as const) {
      const answer = await service.request(method, path(shop.customer.id, action), body);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
      const scoped = await readScoped.request(method, path(shop.customer.id, action), body);
      expect(scoped.status).toBe(403);
      expect(scoped.body.error.code).toBe('SCOPE_DENIED');
    }
  });

  it('answers 404 for ids that are not the object\'s, and 401 without credentials', async () => {
    expect((await admin.request('GET', path(shop.orders[0]!.id, 'export'))).status).toBe(404);
    expect((await admin.request('POST', path('not-a-uuid', 'erase'), { confirm: true })).status).toBe(404);
    expect((await harness.anonymous('GET', path(shop.customer.id, 'export'))).status).toBe(401);
  });

  it('erases only with {confirm: true}, then says a second erasure changed nothing', async () => {
    for (const body of [{}, { confirm: 'true' }]) {
      const refused = await admin.request('POST', path(shop.customer.id, 'erase'), body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('BAD_REQUEST');
    }
    expect((await admin.request('POST', path(shop.customer.id, 'erase'))).status).toBe(400);
    expect((await service.request('POST', path(shop.customer.id, 'erase'))).status).toBe(403);
    const erased = await admin.request('POST', path(shop.customer.id, 'erase'), { confirm: true });
    expect(erased.status).toBe(200);
    expect(erased.body.data).toMatchObject({ changed: true, consentSourcesCleared: 1 });
    expect(erased.body.data.records).toHaveLength(3);
    const again = await admin.request('POST', path(shop.customer.id, 'erase'), { confirm: true });
    expect(again.body.data).toMatchObject({ changed: false, records: [] });
    const exported = await admin.request('GET', path(shop.customer.id, 'export'));
    expect(exported.text).not.toContain(zhang.phone);
    expect(exported.text).not.toContain(zhang.email);
    expect(exported.body.related['orders.customer'].map((order: Record<string, unknown>) => order.amount)).toEqual(['256.00', '99.50']);
  });
});
