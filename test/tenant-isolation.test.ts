import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { makeCaller, type Answer, type Caller } from './access-fixtures.js';
import { crmBlueprint } from './crm-blueprint.js';

/**
 * Tenant isolation: two workspaces with identical object names and record ids; a member of one
 * tries every endpoint of the other and gets 404 with nothing of the other workspace in the answer.
 */
let harness: ApiHarness;
let alphaAdmin: Caller;
let boundKey: Caller;
const sameId = '00000000-0000-4000-8000-0000000000aa';
const sameOrder = '00000000-0000-4000-9000-0000000000aa';

beforeAll(async () => {
  harness = await startApiHarness();
  const { tessera } = harness;
  for (const slug of ['alpha', 'beta']) {
    await tessera.createWorkspace(slug, crmBlueprint(), 'test');
    const system = await tessera.system(slug, 'test seed');
    await bulkWrite(system, 'customer', 'create', [{ id: sameId, name: `${slug}-secret-name`, phone: slug === 'alpha' ? '+8613800000011' : '+8613800000022', region: 'east' }]);
    await bulkWrite(system, 'order', 'create', [{ id: sameOrder, number: `${slug}-order`, customer: sameId }]);
  }
  alphaAdmin = await makeCaller(tessera, harness.url, { memberships: [{ workspace: 'alpha', role: 'admin' }], name: 'alpha' });
  boundKey = await makeCaller(tessera, harness.url, { memberships: [{ workspace: 'alpha', role: 'admin' }, { workspace: 'beta', role: 'admin' }], boundTo: 'alpha', name: 'bound' });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const endpoints: [string, string, unknown?][] = [
  ['GET', '/api/w/beta/data/customer'],
  ['GET', '/api/w/beta/data/customer?count=true&filter=%7B%22field%22%3A%22name%22%2C%22op%22%3A%22eq%22%2C%22value%22%3A%22beta-secret-name%22%7D'],
  ['POST', '/api/w/beta/data/customer/query', { filter: { field: 'name', op: 'starts_with', value: 'beta' } }],
  ['GET', `/api/w/beta/data/customer/${sameId}`],
  ['GET', `/api/w/beta/data/order/${sameOrder}?include=customer`],
  ['GET', '/api/w/beta/data/customer?search=beta-secret'],
  ['POST', '/api/w/beta/data/customer', { name: 'planted' }],
  ['PATCH', `/api/w/beta/data/customer/${sameId}`, { name: 'changed' }],
  ['DELETE', `/api/w/beta/data/customer/${sameId}`],
  ['POST', `/api/w/beta/data/customer/${sameId}/restore`],
  ['POST', `/api/w/beta/data/customer/${sameId}/reveal`, {}],
  ['POST', '/api/w/beta/data/customer/bulk', { mode: 'upsert', key: 'phone', records: [{ name: 'planted', phone: '+8613800000022' }] }],
  ['GET', '/api/w/beta/data/customer/export?format=jsonl'],
  ['GET', '/api/w/beta/openapi.json'],
  ['GET', '/api/openapi.json?workspace=beta'],
  ['GET', '/api/w/beta/blueprint'],
  ['POST', '/api/w/beta/blueprint/plan', { blueprint: crmBlueprint() }],
  ['POST', '/api/w/beta/blueprint/apply', { blueprint: crmBlueprint() }],
  ['GET', '/api/w/beta/blueprint/versions'],
  ['GET', '/api/w/beta/me'],
  ['GET', '/api/w/beta/members'],
  ['POST', '/api/w/beta/members', { email: 'intruder@example.com', name: 'x', password: 'correct horse battery staple', role: 'admin' }],
  ['GET', '/api/w/beta/roles'],
  ['PUT', '/api/w/beta/roles/spy', { document: { name: 'spy', label: { 'zh-CN': 's', en: 's' }, objects: { '*': { actions: ['read'] } } } }],
  ['GET', '/api/w/beta/audit'],
  ['GET', `/api/w/beta/privacy/customer/${sameId}/export`],
  ['POST', `/api/w/beta/privacy/customer/${sameId}/erase`, { confirm: true }],
  ['GET', `/api/w/beta/privacy/customer/${sameId}/consents`],
  ['POST', `/api/w/beta/privacy/customer/${sameId}/consents`, { channel: 'sms', purpose: 'marketing', status: 'granted', source: 'x' }],
];

function expectHidden(answer: Answer): void {
  expect(answer.status).toBe(404);
  expect(answer.body.error.code).toBe('NOT_FOUND');
  expect(answer.text).not.toContain('beta-secret-name');
  expect(answer.text).not.toContain('13800000022');
}

describe('a member of one workspace cannot reach another', () => {
  for (const [method, path, body] of endpoints) {
    it(`${method} ${path.slice(0, 70)} → 404`, async () => {
      expectHidden(await alphaAdmin.request(method, path, body));
    });
  }

  it('an API key bound to one workspace is refused in another where its user is a member', async () => {
    expect((await boundKey.request('GET', '/api/w/alpha/data/customer')).status).toBe(200);
    for (const [method, path, body] of endpoints.slice(0, 8)) expectHidden(await boundKey.request(method, path, body));
  });

  it('the same ids in the caller\'s own workspace answer its own records, and the other is untouched', async () => {
    const own = await alphaAdmin.request('GET', `/api/w/alpha/data/customer/${sameId}`);
    expect(own.body.data.name).toBe('alpha-secret-name');
    const { tessera } = harness;
    const beta = await tessera.system('beta', 'test check');
    const { rows } = await beta.knex.raw('SELECT name, version, deleted_at FROM ws_beta.customer');
    expect(rows).toEqual([{ name: 'beta-secret-name', version: 1, deleted_at: null }]);
    const betaMembers = await beta.knex('tessera.memberships').join('tessera.workspaces', 'workspaces.id', 'memberships.workspace_id').where('workspaces.slug', 'beta').count('* as n');
    expect(Number(betaMembers[0]!.n)).toBe(1);
    const roles = await beta.knex('tessera.roles').count('* as n');
    expect(Number(roles[0]!.n)).toBe(0);
  });

  it('the workspace list names only the caller\'s workspaces', async () => {
    const list = await alphaAdmin.request('GET', '/api/workspaces');
    expect(list.body.data.map((workspace: { slug: string }) => workspace.slug)).toEqual(['alpha']);
  });
});
