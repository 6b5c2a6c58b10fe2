import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../packages/core/src/index.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';

let api: ApiHarness;
const base = '/api/platform/workspaces';
const knex = () => api.tessera.database.knex;
const count = async (sql: string) => Number(((await knex().raw(sql)) as { rows: { n: number }[] }).rows[0]!.n);
const schemaExists = async (schema: string) => (await count(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = '${schema}'`)) > 0;
const b2bObjects = ['accounts', 'contacts', 'leads', 'opportunities', 'activities'];

async function exportText(path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${api.url}${base}${path}`, { headers: { authorization: api.authorization } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('platform administration of workspaces over HTTP', () => {
  beforeAll(async () => { api = await startApiHarness(); });
  afterAll(async () => api.close());

  it('is for platform admins only', async () => {
    expect((await api.anonymous('GET', base)).status).toBe(401);
    await api.tessera.accounts.createUser(asSystem('test'), { email: 'member@example.com', name: 'Member', password: 'member password 123', platformAdmin: false });
    const member = await api.signIn('member@example.com', 'member password 123');
    for (const [method, path, body] of [['GET', base], ['POST', base, { slug: 'x', name: 'x', template: 'retail' }], ['GET', `${base}/x/export`]] as const) {
      const response = await member.request(method, path, body);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect(await schemaExists('ws_x')).toBe(false);
    const session = await api.signIn(api.admin.email, api.admin.password);
    const key = await session.request('POST', '/api/auth/api-keys', { name: 'reader', scopes: ['records:read'] });
    const narrow = await api.anonymous('GET', base, undefined, { authorization: `Bearer ${key.body.data.token as string}` });
    expect([narrow.status, narrow.body.error.code]).toEqual([403, 'SCOPE_DENIED']);
    expect((await session.request('GET', base)).status).toBe(200);
  });

  it('creates from a template, without and with sample data', async () => {
    const shop = await api.request('POST', base, { slug: 'shop', name: '零售客户', template: 'retail' });
    expect(shop.status).toBe(201);
    expect(shop.body.data).toMatchObject({ slug: 'shop', name: '零售客户', template: 'retail', version: 1, archivedAt: null, sampleRecords: 0 });
    expect((await api.request('GET', '/api/w/shop/data/customers?count=true')).body.page.total).toBe(0);
    const demo = await api.request('POST', base, { slug: 'demo', name: 'B2B Demo', template: 'b2b-sales', sampleData: true });
    expect(demo.status).toBe(201);
    const tables = await Promise.all(b2bObjects.map((object) => count(`SELECT count(*)::int AS n FROM ws_demo.${object}`)));
    expect(demo.body.data.sampleRecords).toBe(tables.reduce((sum, n) => sum + n, 0));
    expect((await api.request('GET', '/api/w/demo/data/accounts?count=true')).body.page.total).toBe(tables[0]);
    const audit = await knex()('tessera.platform_audit').where({ action: 'workspace.create' }).orderBy('id').select('target', 'actor_id');
    expect(audit).toEqual([{ target: 'shop', actor_id: api.admin.user.id }, { target: 'demo', actor_id: api.admin.user.id }]);
  });

  it('names who applied each blueprint version, a platform admin who is no member included', async () => {
    const { status, body } = await api.request('GET', '/api/w/shop/blueprint/versions');
    expect(status).toBe(200);
    expect(body.data).toEqual([expect.objectContaining({ version: 1, applied_by: api.admin.user.id, applied_by_name: 'Harness admin' })]);
    expect(await count(`SELECT count(*)::int AS n FROM tessera.memberships m JOIN tessera.workspaces w ON w.id = m.workspace_id WHERE w.slug = 'shop' AND m.user_id = '${api.admin.user.id}'`)).toBe(0);
  });

  it('refuses bad input with 4xx and creates nothing', async () => {
    const cases: [unknown, number, string][] = [
      [{ slug: 'Bad-Slug', name: 'x', template: 'retail' }, 400, 'BAD_REQUEST'],
      [{ slug: `x'; DROP SCHEMA ws_shop CASCADE; --`, name: 'x', template: 'retail' }, 400, 'BAD_REQUEST'],
      [{ slug: ['shop2'], name: 'x', template: 'retail' }, 400, 'BAD_REQUEST'],
      [{ slug: 'shop2', name: '', template: 'retail' }, 400, 'BAD_REQUEST'],
      [{ slug: 'shop2', name: 'x', template: 'retail', sampleData: 'yes' }, 400, 'BAD_REQUEST'],
      [{ slug: 'shop2', name: 'x', template: 'nope' }, 404, 'NOT_FOUND'],
      [{ slug: 'shop2', name: 'x', template: '../../etc/passwd' }, 404, 'NOT_FOUND'],
      [{ slug: 'shop2', name: 'x' }, 400, 'BAD_REQUEST'],
      [[], 400, 'BAD_REQUEST'],
      [{ slug: 'shop', name: 'again', template: 'retail' }, 409, 'UNIQUE_VIOLATION'],
    ];
    for (const [body, status, code] of cases) {
      const response = await api.request('POST', base, body);
      expect([JSON.stringify(body), response.status, response.body.error?.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect(await schemaExists('ws_shop2')).toBe(false);
    expect((await api.request('GET', '/api/w/shop/data/customers')).status).toBe(200);
  });

  it('lists and renames; a hostile name is stored verbatim and does nothing', async () => {
    const name = `'); DROP TABLE tessera.workspaces; -- <script>alert(1)</script>`;
    const renamed = await api.request('PATCH', `${base}/shop`, { name });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ slug: 'shop', name });
    const list = await api.request('GET', base);
    expect(list.body.data.map((item: { slug: string; name: string }) => [item.slug, item.name])).toEqual([['demo', 'B2B Demo'], ['shop', name]]);
    expect((await api.request('PATCH', `${base}/shop`, { name: 'x'.repeat(101) })).status).toBe(400);
    expect((await api.request('PATCH', `${base}/nope`, { name: 'x' })).status).toBe(404);
    expect((await api.request('PATCH', `${base}/shop`, { name: 'Shop Client' })).body.data.name).toBe('Shop Client');
  });

  it('archives: data and blueprint endpoints answer 404; restores: they are back', async () => {
    const archived = await api.request('POST', `${base}/demo/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.data.archivedAt).toEqual(expect.any(String));
    for (const path of ['/api/w/demo/data/accounts', '/api/w/demo/blueprint', '/api/w/demo/blueprint/versions', '/api/w/demo/openapi.json']) {
      expect([path, (await api.request('GET', path)).status]).toEqual([path, 404]);
    }
    expect((await api.request('POST', '/api/w/demo/data/accounts', { name: 'x' })).status).toBe(404);
    const blueprint = (await api.request('GET', '/api/w/shop/blueprint')).body.blueprint;
    for (const path of ['/api/w/demo/blueprint/plan', '/api/w/demo/blueprint/apply']) {
      expect([path, (await api.request('POST', path, { blueprint })).status]).toEqual([path, 404]);
    }
    expect((await api.request('GET', base)).body.data.map((item: { slug: string }) => item.slug)).toEqual(['shop']);
    const all = await api.request('GET', `${base}?archived=true`);
    expect(all.body.data.map((item: { slug: string; archivedAt: string | null }) => [item.slug, item.archivedAt !== null])).toEqual([['demo', true], ['shop', false]]);
    expect((await api.request('GET', `${base}?archived=maybe`)).status).toBe(400);
    const restored = await api.request('POST', `${base}/demo/restore`);
    expect(restored.body.data.archivedAt).toBeNull();
    expect((await api.request('GET', '/api/w/demo/data/accounts')).status).toBe(200);
    expect((await api.request('POST', `${base}/nope/archive`)).status).toBe(404);
  });

  it('exports as a streamed attachment, without and with data', async () => {
    const bare = await exportText('/demo/export');
    expect(bare.status).toBe(200);
    expect(bare.headers.get('content-disposition')).toBe('attachment; filename="demo.tessera.json"');
    expect(bare.headers.get('content-type')).toMatch(/^application\/json/);
    const document = JSON.parse(bare.text) as Record<string, any>;
    expect(document).toMatchObject({ format: 'tessera-workspace/1', slug: 'demo', name: 'B2B Demo', template: 'b2b-sales', version: 1, settings: {} });
    expect(document.blueprint).toEqual((await api.request('GET', '/api/w/demo/blueprint')).body.blueprint);
    expect(document.data).toBeUndefined();
    const streamed = await exportText('/demo/export?data=true');
    expect(streamed.headers.get('transfer-encoding')).toBe('chunked');
    const full = JSON.parse(streamed.text) as Record<string, any>;
    for (const object of b2bObjects) {
      expect([object, full.data[object].length]).toEqual([object, await count(`SELECT count(*)::int AS n FROM ws_demo.${object} WHERE deleted_at IS NULL`)]);
    }
    expect((await exportText('/nope/export')).status).toBe(404);
    expect((await exportText('/demo/export?data=yes')).status).toBe(400);
  });

  it('clones without data: same blueprint and roles, empty tables', async () => {
    await knex()('tessera.roles').insert({ workspace_id: (await api.tessera.workspace('demo')).id, name: 'field_sales', document: JSON.stringify({ name: 'field_sales', objects: {} }), updated_by: 'test' });
    const clone = await api.request('POST', `${base}/demo/clone`, { slug: 'demo_bare', name: 'Bare' });
    expect(clone.status).toBe(201);
    expect(clone.body.data).toMatchObject({ slug: 'demo_bare', name: 'Bare', template: 'b2b-sales', version: 1 });
    expect((await api.request('GET', '/api/w/demo_bare/blueprint')).body.blueprint).toEqual((await api.request('GET', '/api/w/demo/blueprint')).body.blueprint);
    const roles = async (slug: string) => knex()('tessera.roles').where({ workspace_id: (await api.tessera.workspace(slug)).id }).orderBy('name').select('name', 'document');
    expect(await roles('demo_bare')).toEqual(await roles('demo'));
    for (const object of b2bObjects) expect(await count(`SELECT count(*)::int AS n FROM ws_demo_bare.${object}`)).toBe(0);
  });

  it('clones with data: same rows and ids; new numbers continue; the source is untouched', async () => {
    for (const name of ['张三', '李四', '王五']) expect((await api.request('POST', '/api/w/shop/data/customers', { name })).status).toBe(201);
    const gone = (await api.request('GET', '/api/w/shop/data/customers?filter={"field":"name","op":"eq","value":"王五"}')).body.data[0];
    expect((await api.request('DELETE', `/api/w/shop/data/customers/${gone.id as string}`)).status).toBeLessThan(300);
    const clone = await api.request('POST', `${base}/shop/clone`, { slug: 'shop_copy', name: 'Shop Copy', withData: true });
    expect(clone.status).toBe(201);
    const snapshot = (schema: string) => knex()(`${schema}.customers`).orderBy('id').select('id', 'code', 'name', 'version', 'created_at', 'deleted_at');
    expect(await snapshot('ws_shop_copy')).toEqual(await snapshot('ws_shop'));
    expect(await count('SELECT count(*)::int AS n FROM ws_shop_copy.customers')).toBe(3);
    const codes = (await snapshot('ws_shop')).map((row) => String(row.code)).sort();
    const made = await api.request('POST', '/api/w/shop_copy/data/customers', { name: '赵六' });
    expect(made.status).toBe(201);
    const code = String(made.body.data.code);
    expect(codes).not.toContain(code);
    expect(Number(code.slice(-6))).toBe(Number(codes[codes.length - 1]!.slice(-6)) + 1);
    expect(await count('SELECT count(*)::int AS n FROM ws_shop.customers')).toBe(3);
    const demo = await api.request('POST', `${base}/demo/clone`, { slug: 'demo_full', name: 'Full', withData: true });
    for (const object of b2bObjects) {
      expect(demo.body.data.copied[object]).toBe(await count(`SELECT count(*)::int AS n FROM ws_demo.${object}`));
      expect(await count(`SELECT count(*)::int AS n FROM ws_demo_full.${object}`)).toBe(demo.body.data.copied[object]);
    }
  });

  it('refuses a clone onto a slug in use (409) or a bad one (400), leaving nothing half-made', async () => {
    const before = await count('SELECT count(*)::int AS n FROM ws_demo_bare.accounts');
    const taken = await api.request('POST', `${base}/demo/clone`, { slug: 'demo_bare', name: 'x', withData: true });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'UNIQUE_VIOLATION']);
    expect(await count('SELECT count(*)::int AS n FROM ws_demo_bare.accounts')).toBe(before);
    for (const body of [{ slug: 'demo_x', name: '' }, { slug: 'demo_x', name: 'x', withData: 'true' }, { slug: 'Demo X', name: 'x' }, { slug: 'demo_x' }]) {
      expect((await api.request('POST', `${base}/demo/clone`, body)).status).toBe(400);
    }
    expect((await api.request('POST', `${base}/nope/clone`, { slug: 'demo_x', name: 'x' })).status).toBe(404);
    expect(await schemaExists('ws_demo_x')).toBe(false);
    const actions = await knex()('tessera.platform_audit').where('action', 'like', 'workspace.%').orderBy('id').pluck('action');
    expect(new Set(actions)).toEqual(new Set(['workspace.create', 'workspace.rename', 'workspace.archive', 'workspace.restore', 'workspace.export', 'workspace.clone']));
  });
});
