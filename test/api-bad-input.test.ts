import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { teamsBlueprint } from '../packages/core/test/fixtures.js';

let api: ApiHarness;
const people = '/api/w/acme/data/people';
const injections = [`'; DROP TABLE people; --`, `" OR 1=1 --`, `name; DELETE FROM teams`, `\\'); SELECT pg_sleep(5); --`];

describe('HTTP API: bad input gets a clear error and changes nothing', () => {
  beforeAll(async () => {
    api = await startApiHarness();
    await api.tessera.createWorkspace('acme', teamsBlueprint(), 'test');
    await api.request('POST', people, { name: '王芳', email: 'wf@example.com', age: 28 });
  });
  afterAll(async () => api.close());

  it('serves health and a valid OpenAPI 3.1 document', async () => {
    expect((await api.request('GET', '/api/health')).body).toMatchObject({ status: 'ok' });
    const { body } = await api.request('GET', '/api/openapi.json?workspace=acme');
    const result = await new Validator().validate(body as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(body.paths['/api/w/{workspace}/data/people']).toBeDefined();
  });

  it('answers malformed JSON with 400', async () => {
    const response = await api.request('POST', people, '{"name": "x",');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
    expect(response.body.error.messages['zh-CN']).toBe('请求体不是有效的 JSON');
  });

  it('lists every field error with pointer and messages (422)', async () => {
    const response = await api.request('POST', people, { age: -1, bogus: true, email: 'bad' }, { 'accept-language': 'en' });
    expect(response.status).toBe(422);
    expect(response.body.error.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/age', '/bogus', '/email', '/name']);
    expect(response.body.error.message).toBe('Validation failed (4 errors)');
  });

  it('answers a unique violation with 409 naming the field', async () => {
    const response = await api.request('POST', people, { name: '王芳二', email: 'wf@example.com' });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'UNIQUE_VIOLATION', field: 'email' });
  });

  it('answers unknown objects, ids and routes with 404', async () => {
    expect((await api.request('GET', '/api/w/acme/data/nothing')).status).toBe(404);
    expect((await api.request('GET', `${people}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await api.request('GET', `${people}/not-a-uuid`)).status).toBe(404);
    expect((await api.request('GET', '/api/w/nobody/data/people')).status).toBe(404);
    expect((await api.request('GET', '/api/w/acme/data/__proto__')).status).toBe(404);
  });

  it('answers a filter on an unknown field or with a disallowed operator with 400', async () => {
    const unknown = await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'salaryx', op: 'eq', value: 1 }))}`);
    expect(unknown.status).toBe(400);
    const disallowed = await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'age', op: 'contains', value: '1' }))}`);
    expect(disallowed.status).toBe(400);
    expect(disallowed.body.error.code).toBe('INVALID_FILTER');
    const wrongType = await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'age', op: 'gt', value: 'abc' }))}`);
    expect(wrongType.status).toBe(400);
    expect((await api.request('GET', `${people}?sort=nope`)).status).toBe(400);
    expect((await api.request('GET', `${people}?limit=100000`)).status).toBe(400);
    expect((await api.request('GET', `${people}?cursor=garbage`)).status).toBe(400);
  });

  it('treats SQL injection strings in values, filters, sort keys and names as data', async () => {
    for (const attack of injections) {
      const created = await api.request('POST', people, { name: attack });
      expect(created.status).toBe(201);
      expect(created.body.data.name).toBe(attack);
      const found = await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'name', op: 'contains', value: attack }))}`);
      expect(found.body.data.map((record: { name: string }) => record.name)).toContain(attack);
      expect((await api.request('GET', `${people}?sort=${encodeURIComponent(attack)}`)).status).toBe(400);
      expect((await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: attack, op: 'eq', value: 1 }))}`)).status).toBe(400);
      expect((await api.request('GET', `/api/w/acme/data/${encodeURIComponent(attack)}`)).status).toBe(404);
    }
    const count = await api.request('GET', `${people}?count=true&limit=1`);
    expect(count.body.page.total).toBe(1 + injections.length);
    expect((await api.request('GET', '/api/w/acme/data/teams')).status).toBe(200);
  });

  it('rejects documents with hostile or reserved identifiers and leaves the blueprint as it was', async () => {
    const before = await api.request('GET', '/api/w/acme/blueprint');
    for (const name of ['__proto__', 'constructor', 'id', 'people; drop table x', 'Robert', 'a'.repeat(64)]) {
      const blueprint = teamsBlueprint();
      blueprint.objects[0]!.fields.push({ id: 'x1', name, type: 'text', label: { 'zh-CN': 'x', en: 'x' } });
      const response = await api.request('POST', '/api/w/acme/blueprint/apply', { blueprint });
      expect(response.status).toBe(422);
      expect(response.body.error.errors[0].pointer).toBe('/objects/0/fields/1/name');
    }
    expect((await api.request('GET', '/api/w/acme/blueprint')).body.version).toBe(before.body.version);
  });

  it('refuses a huge body with 413 and non-JSON with 415', async () => {
    const huge = JSON.stringify({ mode: 'create', records: [{ name: 'x'.repeat(70 * 1024 * 1024) }] });
    expect((await api.request('POST', `${people}/bulk`, huge)).status).toBe(413);
    const text = await fetch(`${api.url}${people}`, { method: 'POST', headers: { authorization: api.authorization, 'content-type': 'text/plain' }, body: 'name=x' });
    expect(text.status).toBe(415);
  });

  it('answers 409 to a stale version and to a stale blueprint', async () => {
    const created = await api.request('POST', people, { name: '赵雷' });
    const id = created.body.data.id as string;
    expect((await api.request('PATCH', `${people}/${id}`, { age: 40, version: 1 })).status).toBe(200);
    const stale = await api.request('PATCH', `${people}/${id}`, { age: 41 }, { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const current = await api.request('GET', '/api/w/acme/blueprint');
    const conflict = await api.request('POST', '/api/w/acme/blueprint/apply', { blueprint: current.body.blueprint, expectedVersion: current.body.version - 1 });
    expect(conflict.status).toBe(409);
  });

  it('never answers 500 to a client mistake', async () => {
    const attempts: [string, string, unknown][] = [
      ['POST', people, []], ['POST', people, 'null'], ['POST', people, '"text"'], ['PATCH', `${people}/00000000-0000-4000-8000-000000000000`, { name: null }],
      ['POST', `${people}/bulk`, { mode: 'upsert', key: 'name', records: [] }], ['POST', `${people}/bulk`, { mode: 'x' }],
      ['POST', `${people}/bulk`, { mode: 'create', records: 'nope' }], ['POST', '/api/w/acme/blueprint/plan', { blueprint: 1 }],
      ['GET', `${people}?filter=%7B`, undefined], ['GET', `${people}?filter=[1]`, undefined], ['GET', `${people}?limit=a&limit=b`, undefined],
      ['GET', '/api/w/acme/blueprint/versions/abc', undefined], ['POST', '/api/w/acme/blueprint/apply', { blueprint: {}, conversions: [] }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await api.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
