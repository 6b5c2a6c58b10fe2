import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerId, errorOf, orderId, startStudioWorld, type StudioWorld } from './studio-data-fixtures.js';

/**
 * The studio's data operations over HTTP, on the caller's access: bulk delete and validation
 * without writing. Each case succeeds or fails with its exact error.
 */
let world: StudioWorld;
const base = '/api/w/crm/data';

beforeAll(async () => {
  world = await startStudioWorld();
}, 120_000);
afterAll(async () => world?.harness.close());

async function count(sql: string, bindings: unknown[]): Promise<number> {
  const { rows } = await world.tessera.database.knex.raw(sql, bindings as never[]);
  return Number((rows as { n: number }[])[0]!.n);
}
const live = (id: string) => count('SELECT count(*) AS n FROM ws_crm.order WHERE id = ? AND deleted_at IS NULL', [id]);
const audited = (id: string, action: string) => count('SELECT count(*) AS n FROM ws_crm._audit WHERE record_id = ? AND action = ?', [id, action]);
const events = (id: string, type: string) => count('SELECT count(*) AS n FROM ws_crm._outbox WHERE record_id = ? AND type = ?', [id, type]);

describe('bulk delete', () => {
  it('deletes the records in the caller\'s rows, each with one audit entry and one outbox event', async () => {
    const ids = [orderId(2), orderId(3)];
    const answer = await world.callers.admin.request('POST', `${base}/order/bulk`, { mode: 'delete', ids: ids.map((id) => id.toUpperCase()) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { deleted: 2, ids } });
    for (const id of ids) {
      expect(await live(id)).toBe(0);
      expect(await audited(id, 'record.delete')).toBe(1);
      expect(await events(id, 'record.deleted')).toBe(1);
    }
    const restored = await world.callers.admin.request('POST', `${base}/order/${orderId(2)}/restore`);
    expect(restored.status).toBe(200);
  });

  it('deletes nothing when one id is outside the caller\'s rows, and names it', async () => {
    // The manager's team (t1) owns o1 and o4; o2 belongs to s3 of team t2.
    const answer = await world.callers.manager.request('POST', `${base}/order/bulk`, { mode: 'delete', ids: [orderId(1), orderId(2), orderId(4)] });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({
      code: 'NOT_FOUND', missing: [orderId(2)],
      messages: { en: `Not found: 1 of the 3 order records to delete (unknown, deleted already or outside your rows): ${orderId(2)}` },
    });
    for (const id of [orderId(1), orderId(4)]) {
      expect(await live(id)).toBe(1);
      expect(await audited(id, 'record.delete')).toBe(0);
      expect(await events(id, 'record.deleted')).toBe(0);
    }
  });

  it('treats another workspace\'s record, an unknown id and a deleted record alike: not found', async () => {
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const answer = await world.callers.admin.request('POST', `${base}/order/bulk`, { mode: 'delete', ids: [orderId(1), world.otherId, unknown, orderId(3)] });
    expect(answer.status).toBe(404);
    expect(answer.body.error.missing).toEqual([world.otherId, unknown, orderId(3)]);
    expect(await live(orderId(1))).toBe(1);
    const other = await count('SELECT count(*) AS n FROM ws_other.customer WHERE id = ? AND deleted_at IS NULL', [world.otherId]);
    expect(other).toBe(1);
  });

  it('needs the delete action', async () => {
    for (const who of ['s1', 'reader'] as const) {
      const answer = await world.callers[who].request('POST', `${base}/order/bulk`, { mode: 'delete', ids: [orderId(1)] });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: 'FORBIDDEN', messages: { en: 'You are not allowed to do this' } });
    }
    expect(await live(orderId(1))).toBe(1);
  });

  it('refuses a list that is missing, empty, too long or not a list', async () => {
    const reason = 'Invalid request: "ids" must be a list of 1 to 1000 record ids';
    const tooMany = Array.from({ length: 1001 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    for (const ids of [undefined, [], tooMany, 'not a list', { 0: orderId(1) }]) {
      const answer = await world.callers.admin.request('POST', `${base}/order/bulk`, { mode: 'delete', ...(ids === undefined ? {} : { ids }) });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'BAD_REQUEST', messages: { en: reason } });
    }
  });

  it('points at every id of the wrong type, malformed or given twice (422), deleting nothing', async () => {
    const answer = await world.callers.admin.request('POST', `${base}/order/bulk`, { mode: 'delete', ids: [orderId(1), 7, "1' OR '1'='1", orderId(1).toUpperCase(), null] });
    expect(answer.status).toBe(422);
    expect(answer.body.error.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual(['/ids/1 type', '/ids/2 format', '/ids/3 duplicate_item', '/ids/4 type']);
    expect(await live(orderId(1))).toBe(1);
  });

  it('refuses keys a delete does not take, and unknown modes', async () => {
    const extra = await world.callers.admin.request('POST', `${base}/order/bulk`, { mode: 'delete', ids: [orderId(1)], records: [] });
    expect(extra.status).toBe(400);
    expect(extra.body.error.messages.en).toBe('Invalid request: unknown key "records"; expected mode, ids');
    const mode = await world.callers.admin.request('POST', `${base}/order/bulk`, { mode: 'purge', ids: [orderId(1)] });
    expect(mode.body.error).toMatchObject({ code: 'BAD_REQUEST', messages: { en: 'Invalid request: mode must be create, update, upsert or delete' } });
    expect(await live(orderId(1))).toBe(1);
  });
});

describe('validate without writing', () => {
  const rows = () => count('SELECT count(*) AS n FROM ws_crm.customer', []);
  const auditRows = () => count('SELECT count(*) AS n FROM ws_crm._audit', []);

  it('answers valid for a record the create would take, and writes nothing', async () => {
    const [before, logged] = [await rows(), await auditRows()];
    const answer = await world.callers.s1.request('POST', `${base}/customer/validate`, { record: { name: '新客户', phone: '+8613700000009', credit_limit: 12.5 } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { valid: true } });
    expect([await rows(), await auditRows()]).toEqual([before, logged]);
  });

  it('answers exactly the 422 the create gives', async () => {
    const record = { phone: '12', credit_limit: 'lots', code: 'C1', bogus: true, tags: ['new', 'new'] };
    const checked = await world.callers.s1.request('POST', `${base}/customer/validate`, { record });
    const created = await world.callers.s1.request('POST', `${base}/customer`, record);
    expect(checked.status).toBe(422);
    expect(created.status).toBe(422);
    expect(errorOf(checked.body)).toEqual(errorOf(created.body));
    expect(checked.body.error.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/bogus', '/code', '/credit_limit', '/name', '/phone', '/tags']);
    expect(checked.body.error.errors[0].message['zh-CN']).toBeTruthy();
  });

  it('validates an update of a record as the PATCH does: partial, with the caller\'s field access', async () => {
    const ok = await world.callers.regional.request('POST', `${base}/customer/validate`, { id: customerId(1), record: { region: 'east', version: 1 } });
    expect(ok.body).toEqual({ data: { valid: true } });
    for (const record of [{ credit_limit: '1.00' }, { notes: 'x' }, { name: 'x'.repeat(81) }]) {
      const checked = await world.callers.regional.request('POST', `${base}/customer/validate`, { id: customerId(1), record });
      const patched = await world.callers.regional.request('PATCH', `${base}/customer/${customerId(1)}`, record);
      expect(checked.status).toBe(patched.status);
      expect(errorOf(checked.body)).toEqual(errorOf(patched.body));
    }
    const hidden = await world.callers.regional.request('POST', `${base}/customer/validate`, { id: customerId(1), record: { credit_limit: '1.00' } });
    expect(hidden.body.error).toMatchObject({ code: 'FIELD_FORBIDDEN', status: 403 });
  });

  it('answers 404 for a record outside the caller\'s rows, of another workspace, or malformed, as the PATCH does', async () => {
    for (const id of [customerId(2), world.otherId, 'not-an-id']) {
      const checked = await world.callers.regional.request('POST', `${base}/customer/validate`, { id, record: { region: 'east' } });
      const patched = await world.callers.regional.request('PATCH', `${base}/customer/${id}`, { region: 'east' });
      expect(checked.status).toBe(404);
      expect(errorOf(checked.body)).toEqual(errorOf(patched.body));
    }
  });

  it('needs the action the write needs', async () => {
    const create = await world.callers.reader.request('POST', `${base}/customer/validate`, { record: { name: 'x' } });
    expect(create.body.error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const update = await world.callers.regional.request('POST', `${base}/order/validate`, { id: orderId(1), record: {} });
    expect(update.body.error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const hiddenObject = await world.callers.s1.request('POST', `${base}/nothing/validate`, { record: {} });
    expect(hiddenObject.body.error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses a body of the wrong shape (400)', async () => {
    const cases: [unknown, string][] = [
      [{}, '"record" must be a JSON object'],
      [{ record: [] }, '"record" must be a JSON object'],
      [{ record: 'x' }, '"record" must be a JSON object'],
      [{ record: {}, id: 5 }, '"id" must be a record id'],
      [{ record: {}, extra: 1 }, 'unknown key "extra"; expected record, id'],
    ];
    for (const [body, reason] of cases) {
      const answer = await world.callers.admin.request('POST', `${base}/customer/validate`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.messages.en).toBe(`Invalid request: ${reason}`);
    }
  });
});

describe('record history', () => {
  let id: string;
  const history = (who: keyof StudioWorld['callers'], query = '', record = id) => world.callers[who].request('GET', `${base}/customer/${record}/history${query}`);

  beforeAll(async () => {
    const admin = world.callers.admin;
    const created = await admin.request('POST', `${base}/customer`, { name: '历史', phone: '+8613711110000', region: 'east', credit_limit: '10.00', owner_id: world.callers.s1.userId });
    expect(created.status).toBe(201);
    id = created.body.data.id as string;
    for (const change of [{ credit_limit: '20.00', notes: '第一次' }, { phone: '+8613711110001', name: '历史二' }]) {
      expect((await admin.request('PATCH', `${base}/customer/${id}`, change)).status).toBe(200);
    }
    expect((await admin.request('DELETE', `${base}/customer/${id}`)).status).toBe(200);
    expect((await admin.request('POST', `${base}/customer/${id}/restore`)).status).toBe(200);
  });

  it('lists the record\'s entries newest first, personal fields only as changed', async () => {
    const answer = await history('admin');
    expect(answer.status).toBe(200);
    const entries = answer.body.data as { action: string; actor: { id: string; label: string }; changes: Record<string, unknown>; at: string }[];
    expect(entries.map((entry) => entry.action)).toEqual(['record.restore', 'record.delete', 'record.update', 'record.update', 'record.create']);
    expect(entries[2]!.changes).toEqual({ phone: { changed: true }, name: { old: '历史', new: '历史二' } });
    expect(entries[3]!.changes).toEqual({ credit_limit: { old: 10, new: 20 }, notes: { old: null, new: '第一次' } });
    expect(entries[4]!.changes).toMatchObject({ phone: { changed: true }, name: { old: null, new: '历史' } });
    expect(entries[0]!.actor).toEqual({ id: world.callers.admin.userId, label: `${world.callers.admin.email} (key test)` });
    expect(Number.isNaN(Date.parse(entries[0]!.at))).toBe(false);
    expect(answer.body.page).toEqual({ limit: 50, next_cursor: null });
  });

  it('pages with a keyset cursor', async () => {
    const first = await history('admin', '?limit=2');
    expect(first.body.data.map((entry: { action: string }) => entry.action)).toEqual(['record.restore', 'record.delete']);
    const second = await history('admin', `?limit=2&cursor=${first.body.page.next_cursor as string}`);
    const third = await history('admin', `?limit=2&cursor=${second.body.page.next_cursor as string}`);
    expect([...second.body.data, ...third.body.data].map((entry: { action: string }) => entry.action)).toEqual(['record.update', 'record.update', 'record.create']);
    expect(third.body.page.next_cursor).toBeNull();
  });

  it('leaves out the changes of fields the caller cannot read', async () => {
    const regional = await history('regional');
    expect(regional.status).toBe(200);
    expect(regional.body.data[3].changes).toEqual({ notes: { old: null, new: '第一次' } });
    const noPhone = await history('noPhone');
    expect(noPhone.body.data[2].changes).toEqual({ name: { old: '历史', new: '历史二' } });
    expect(JSON.stringify(noPhone.body)).not.toMatch(/phone|credit_limit/);
  });

  it('is not found outside the caller\'s rows, in another workspace or for a malformed id', async () => {
    expect((await history('s1')).status).toBe(200);
    for (const [who, record] of [['s3', id], ['admin', world.otherId], ['admin', 'x%27;--']] as const) {
      const answer = await history(who, '', record);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
    const hidden = await world.callers.admin.request('GET', `${base}/nothing/${id}/history`);
    expect(hidden.body.error).toMatchObject({ code: 'NOT_FOUND', messages: { en: 'Not found: object nothing' } });
  });

  it('refuses a malformed limit, cursor or parameter (400)', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit must be an integer from 1 to 200'],
      ['?limit=201', 'limit must be an integer from 1 to 200'],
      ['?limit=two', 'limit must be an integer from 1 to 200'],
      ['?limit=1&limit=2', 'limit must be an integer from 1 to 200'],
      ['?cursor=abc', 'the cursor is invalid'],
      ['?cursor=1%20OR%201=1', 'the cursor is invalid'],
      ['?actor=me', 'unknown parameter "actor"'],
    ];
    for (const [query, reason] of cases) {
      const answer = await history('admin', query);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'INVALID_QUERY', messages: { en: `Invalid query: ${reason}` } });
    }
  });
});

describe('OpenAPI of the studio data endpoints', () => {
  it('describes bulk delete, validation, history, XLSX export and search in a valid document, per role', async () => {
    const spec = (await world.callers.admin.request('GET', '/api/w/crm/openapi.json')).body;
    const result = await new Validator().validate(spec as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    const paths = spec.paths as Record<string, Record<string, any>>;
    expect(paths['/api/w/{workspace}/data/customer/{id}/history']!.get.operationId).toBe('history_customer');
    expect(paths['/api/w/{workspace}/data/customer/validate']!.post.operationId).toBe('validate_customer');
    expect(paths['/api/w/{workspace}/search']!.get.operationId).toBe('search');
    expect(JSON.stringify(paths['/api/w/{workspace}/data/order/bulk']!.post.requestBody)).toContain('"const":"delete"');
    expect(paths['/api/w/{workspace}/data/order/export']!.get.parameters[0].schema.enum).toEqual(['csv', 'jsonl', 'xlsx']);
    const reader = (await world.callers.reader.request('GET', '/api/w/crm/openapi.json')).body.paths as Record<string, unknown>;
    expect(reader['/api/w/{workspace}/data/customer/validate']).toBeUndefined();
    expect(reader['/api/w/{workspace}/data/customer/{id}/history']).toBeDefined();
  });
});
