import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { snapshotWorkspace } from './database-snapshot.js';
import { openSharedDatabase, runWriter, type SharedDatabase } from './killed-writer.js';
import { field, label, teamsBlueprint } from '../packages/core/test/fixtures.js';
import { bulkWrite, type Blueprint, type Database, type PlanStep } from '../packages/core/src/index.js';

/*
 * Bad input the Foundation issue names, beyond api-bad-input.test.ts: an apply that fails half way
 * through its DDL, duplicate keys in one bulk request, and input interrupted half way (a client
 * that vanishes mid-body or mid-statement, a writer process killed mid-transaction). Every case
 * compares a full snapshot of the workspace (catalog, row checksums, blueprint, versions) before
 * and after, on PGlite and on PostgreSQL (DATABASE_URL).
 */

let api: ApiHarness;
const slug = 'acme';
const people = `/api/w/${slug}/data/people`;
const bulk = `${people}/bulk`;
const blueprintPath = `/api/w/${slug}/blueprint`;

/** The database snapshot plus what clients see of the blueprint: all of it must survive a failure. */
async function state(workspace = slug) {
  return {
    database: await snapshotWorkspace(api.tessera.database.knex, workspace),
    blueprint: (await api.request('GET', `/api/w/${workspace}/blueprint`)).body,
    versions: (await api.request('GET', `/api/w/${workspace}/blueprint/versions`)).body,
  };
}

/** The SQL statements knex sends while `run` runs, in order. */
async function recordSql<T>(knex: Database['knex'], run: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = [];
  const listener = (query: { sql: string }) => sql.push(query.sql);
  knex.on('query', listener);
  try {
    return { result: await run(), sql };
  } finally {
    knex.off('query', listener);
  }
}

function indexOfSql(sql: string[], pattern: RegExp): number {
  return sql.findIndex((statement) => pattern.test(statement));
}

function baseBlueprint(): Blueprint {
  const blueprint = teamsBlueprint();
  blueprint.objects[1]!.fields.push(field('birth_text', 'text'), field('legacy', 'text'));
  return blueprint;
}

/**
 * A change whose first steps are DDL that succeeds (archive `phone`, rename `age` to `years`,
 * create the `deals` table with its foreign key), followed by whatever `extra` adds to people.
 */
function changeWith(current: Blueprint, extra: (fields: Blueprint['objects'][number]['fields']) => void): Blueprint {
  const next = structuredClone(current);
  const fields = next.objects[1]!.fields;
  fields.splice(fields.findIndex((candidate) => candidate.name === 'phone'), 1);
  fields.find((candidate) => candidate.name === 'age')!.name = 'years';
  extra(fields);
  next.objects.push({
    id: 'deals', name: 'deals', label: label('deals'),
    fields: [field('title', 'text', { required: true }), field('owner', 'relation', { relation: { kind: 'many_to_one', target: 'people' } })],
  });
  return next;
}

/** Earlier steps of changeWith, as SQL: they must have run before the failing statement. */
const earlierDdl = [/RENAME COLUMN "phone" TO "_archived_\d+"/, /RENAME COLUMN "age" TO "years"/, /CREATE TABLE "ws_acme"\."deals"/];

async function currentBlueprint(): Promise<Blueprint> {
  return (await api.request('GET', blueprintPath)).body.blueprint as Blueprint;
}

async function applyAndExpectRefused(next: Blueprint, failing: RegExp, extra: Record<string, unknown> = {}): Promise<PlanStep[]> {
  const before = await state();
  const { result: response, sql } = await recordSql(api.tessera.database.knex, () => api.request('POST', `${blueprintPath}/apply`, { blueprint: next, ...extra }, { 'accept-language': 'en' }));
  expect(response.status).toBe(409);
  expect(response.body.error.code).toBe('MIGRATION_REFUSED');
  expect(response.body.error.message).toBe('The change would break existing data and was refused (1 steps need attention)');
  const failedAt = indexOfSql(sql, failing);
  expect(failedAt).toBeGreaterThan(0);
  for (const pattern of earlierDdl) {
    expect(indexOfSql(sql, pattern), String(pattern)).toBeGreaterThanOrEqual(0);
    expect(indexOfSql(sql, pattern), String(pattern)).toBeLessThan(failedAt);
  }
  expect(await state()).toEqual(before);
  return response.body.error.plan.steps as PlanStep[];
}

function newPeople(count: number, prefix: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({ name: `${prefix} ${index}`, email: `${prefix}${index}@example.com`, age: index % 90 }));
}

async function seedPeople(path: string, count: number, prefix: string): Promise<void> {
  const response = await api.request('POST', path, { mode: 'create', records: newPeople(count, prefix) });
  expect(response.body).toEqual({ created: count, updated: 0 });
}

describe('HTTP API: failures half way leave no trace', () => {
  beforeAll(async () => {
    api = await startApiHarness();
    await api.tessera.createWorkspace(slug, baseBlueprint(), 'test');
    await api.request('POST', `/api/w/${slug}/data/teams`, { name: '销售部' });
    await seedPeople(bulk, 20, 'seed');
    await api.request('POST', people, { name: '日期不存在', email: 'bad-date@example.com', birth_text: '2024-02-30' });
    await api.request('POST', people, { name: '日期正常', email: 'good-date@example.com', birth_text: '1990-05-01' });
    const gone = await api.request('POST', people, { name: '已删除', email: 'deleted@example.com' });
    await api.request('DELETE', `${people}/${gone.body.data.id}`);
    const withoutLegacy = baseBlueprint();
    withoutLegacy.objects[1]!.fields = withoutLegacy.objects[1]!.fields.filter((candidate) => candidate.name !== 'legacy');
    expect((await api.request('POST', `${blueprintPath}/apply`, { blueprint: withoutLegacy })).status).toBe(200);
  });
  afterAll(async () => api.close());

  describe('a failed apply leaves tables and blueprint exactly as before', () => {
    it('refuses (409) when a later step meets a column created outside Tessera, after earlier DDL ran', async () => {
      await api.tessera.database.knex.raw('ALTER TABLE ws_acme.people ADD COLUMN nick text');
      const next = changeWith(await currentBlueprint(), (fields) => fields.push(field('nick', 'text')));
      const steps = await applyAndExpectRefused(next, /ADD COLUMN "nick"/);
      const failed = steps.filter((step) => step.error);
      expect(failed.map((step) => [step.kind, step.field])).toEqual([['add_field', 'nick']]);
      expect(failed[0]!.error).toMatch(/column "nick" of relation "people" already exists/);
    });

    it('refuses (409) a type change whose check, run after earlier DDL, finds a text shaped like a date that is none', async () => {
      const next = changeWith(await currentBlueprint(), (fields) => { fields.find((candidate) => candidate.name === 'birth_text')!.type = 'date'; });
      const steps = await applyAndExpectRefused(next, /tessera\.is_date\("birth_text"\)/);
      const retype = steps.find((step) => step.kind === 'alter_field' && step.field === 'birth_text');
      expect(retype?.kind === 'alter_field' && retype.checks.map((check) => [check.rule, check.violations])).toEqual([['type', 1]]);
      expect(steps.filter((step) => step.error)).toHaveLength(0);
    });

    it('refuses (409) a unique index on data that became duplicate between plan and apply', async () => {
      const next = changeWith(await currentBlueprint(), (fields) => { fields[0]!.unique = true; });
      const planned = await api.request('POST', `${blueprintPath}/plan`, { blueprint: next });
      expect(planned.body.plan.applicable).toBe(true);
      expect((await api.request('POST', people, { name: 'seed 3', email: 'second-seed-3@example.com' })).status).toBe(201);
      const steps = await applyAndExpectRefused(next, /^SELECT count\(\*\)::int AS n FROM \(SELECT "name"/, { expectedVersion: planned.body.plan.fromVersion });
      const index = steps.find((step) => step.kind === 'create_index' && step.class === 'checked');
      expect(index).toMatchObject({ columns: ['name'], check: { rule: 'unique', violations: 1, examples: [{ value: 'seed 3' }] } });
    });

    it('answers 500 to a fault (not a conflict) in the middle of an apply, and still changes nothing', async () => {
      const knex = api.tessera.database.knex;
      const next = changeWith(await currentBlueprint(), () => undefined);
      const before = await state();
      const fault = (query: { sql: string }) => {
        if (/CREATE TABLE "ws_acme"\."deals"/.test(query.sql)) throw new Error('injected fault: the connection broke');
      };
      knex.on('query', fault);
      const response = await api.request('POST', `${blueprintPath}/apply`, { blueprint: next }).finally(() => knex.off('query', fault));
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('INTERNAL');
      expect(JSON.stringify(response.body)).not.toMatch(/injected|deals/);
      expect(await state()).toEqual(before);
    });

    it('applies the same change once the conflicts are gone', async () => {
      await api.tessera.database.knex.raw('ALTER TABLE ws_acme.people DROP COLUMN nick');
      const badDate = (await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'email', op: 'eq', value: 'bad-date@example.com' }))}`)).body.data[0];
      expect((await api.request('PATCH', `${people}/${badDate.id}`, { birth_text: '2024-02-29' })).status).toBe(200);
      const duplicate = (await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'email', op: 'eq', value: 'second-seed-3@example.com' }))}`)).body.data[0];
      expect((await api.request('DELETE', `${people}/${duplicate.id}`)).status).toBe(200);
      const before = (await api.request('GET', blueprintPath)).body.version as number;
      const next = changeWith(await currentBlueprint(), (fields) => {
        fields.push(field('nick', 'text'));
        fields.find((candidate) => candidate.name === 'birth_text')!.type = 'date';
        fields[0]!.unique = true;
      });
      const applied = await api.request('POST', `${blueprintPath}/apply`, { blueprint: next });
      expect(applied.status).toBe(200);
      expect(applied.body.version).toBe(before + 1);
      expect((await api.request('GET', `${people}/${badDate.id}`)).body.data).toMatchObject({ birth_text: '2024-02-29', nick: null });
      const seed = await api.request('GET', `${people}?filter=${encodeURIComponent(JSON.stringify({ field: 'email', op: 'eq', value: 'seed5@example.com' }))}`);
      expect(seed.body.data[0]).toMatchObject({ years: 5 });
      expect(seed.body.data[0].phone).toBeUndefined();
    });
  });

  describe('duplicate keys in one bulk request', () => {
    const shop = 'shop';
    const shopPeople = `/api/w/${shop}/data/people`;
    const shopBulk = `${shopPeople}/bulk`;
    const ids: string[] = [];

    beforeAll(async () => {
      await api.tessera.createWorkspace(shop, teamsBlueprint(), 'test');
      await seedPeople(shopBulk, 10, 'shop');
      const { body } = await api.request('GET', `${shopPeople}?sort=email&limit=10`);
      ids.push(...body.data.map((record: { id: string }) => record.id));
    });

    /** Sends a bulk request that must fail, and checks that the workspace did not change at all. */
    async function refusedWithoutTrace(body: Record<string, unknown>) {
      const before = await state(shop);
      const response = await api.request('POST', shopBulk, body, { 'accept-language': 'en' });
      expect(await state(shop)).toEqual(before);
      return response;
    }

    it('refuses (422) a bulk create whose records share a unique value, found in a later chunk', async () => {
      const records = newPeople(2_500, 'twin');
      records[2_400]!.email = records[0]!.email;
      const response = await refusedWithoutTrace({ mode: 'create', records });
      expect(response.status).toBe(422);
      expect(response.body.error.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/records/2400/email']);
    });

    it('refuses (422) a bulk upsert holding the same key twice, pointing at the second one', async () => {
      const records = [...newPeople(30, 'upsert'), { name: '改名', email: 'shop1@example.com' }, { name: '又改名', email: 'shop1@example.com' }];
      const response = await refusedWithoutTrace({ mode: 'upsert', key: 'email', records });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.errors).toEqual([expect.objectContaining({ pointer: '/records/31/email', code: 'duplicate_item' })]);
    });

    it('refuses (409) a bulk create colliding with an existing row, naming the field, after earlier statements wrote rows', async () => {
      const records = [...newPeople(2_500, 'collide'), { name: '撞车', email: 'shop7@example.com' }];
      const total = (await api.request('GET', `${shopPeople}?count=true&limit=1`)).body.page.total as number;
      const response = await refusedWithoutTrace({ mode: 'create', records });
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ code: 'UNIQUE_VIOLATION', field: 'email', message: 'A record with this email already exists' });
      expect((await api.request('GET', `${shopPeople}?count=true&limit=1`)).body.page.total).toBe(total);
    });

    it('refuses (422) a bulk update naming the same id twice, pointing at the second one', async () => {
      const response = await refusedWithoutTrace({ mode: 'update', records: [{ id: ids[0], name: '甲' }, { id: ids[1], name: '乙' }, { id: ids[0], name: '丙' }] });
      expect(response.status).toBe(422);
      expect(response.body.error.errors).toContainEqual(expect.objectContaining({ pointer: '/records/2/id', code: 'duplicate_item' }));
    });
  });

  describe('input interrupted half way', () => {
    const half = 'half';
    const halfBulk = `/api/w/${half}/data/people/bulk`;

    beforeAll(async () => {
      await api.tessera.createWorkspace(half, teamsBlueprint(), 'test');
      await seedPeople(halfBulk, 5, 'half-seed');
    });

    /**
     * Sends a POST over a raw socket: headers with `Expect: 100-continue`, so that the server has
     * taken the request in before any body is sent, then `share` of the body. With share 1 it waits
     * for the answer; otherwise it drops the connection mid-body.
     */
    async function sendRaw(path: string, body: string, share: number, chunked: boolean): Promise<string> {
      const { hostname, port } = new URL(api.url);
      const socket: Socket = connect(Number(port), hostname);
      await once(socket, 'connect');
      let received = '';
      socket.on('data', (chunk: Buffer) => { received += chunk.toString(); });
      const length = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${Buffer.byteLength(body)}`;
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: ${api.authorization}\r\nContent-Type: application/json\r\n${length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
      while (!received.includes('100 Continue')) await once(socket, 'data');
      const part = body.slice(0, Math.floor(body.length * share));
      const framed = chunked ? `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n${share === 1 ? '0\r\n\r\n' : ''}` : part;
      await new Promise<void>((resolve, reject) => socket.write(framed, (error) => (error ? reject(error) : resolve())));
      if (share === 1) {
        await once(socket, 'close');
        return received;
      }
      socket.destroy();
      return received;
    }

    for (const chunked of [false, true]) {
      it(`drops a bulk request whose client sends half its body (${chunked ? 'chunked' : 'content-length'}) and vanishes: nothing written, the server answers on`, async () => {
        const knex = api.tessera.database.knex;
        const transactions = vi.spyOn(knex, 'transaction');
        try {
          const body = JSON.stringify({ mode: 'create', records: newPeople(300, `dropped-${chunked}`) });
          const before = await state(half);
          const received = await sendRaw(halfBulk, body, 0.5, chunked);
          expect(received).not.toMatch(/HTTP\/1\.1 [2345]\d\d/);
          expect((await api.request('GET', '/api/health')).status).toBe(200);
          expect(await state(half)).toEqual(before);
          expect(transactions).not.toHaveBeenCalled();
          const whole = await sendRaw(halfBulk, body, 1, chunked);
          expect(whole).toMatch(/HTTP\/1\.1 200 OK[\s\S]*"created":300/);
        } finally {
          transactions.mockRestore();
        }
      });
    }

    it('commits all or nothing when the client aborts while its bulk statement runs', async () => {
      const knex = api.tessera.database.knex;
      const count = 2_500;
      const body = JSON.stringify({ mode: 'create', records: newPeople(count, 'aborted') });
      const before = await snapshotWorkspace(knex, half);
      const transactions = vi.spyOn(knex, 'transaction');
      const request = httpRequest(`${api.url}${halfBulk}`, { method: 'POST', headers: { authorization: api.authorization, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
      const aborted = new Promise<void>((resolve) => {
        const abortOnWrite = (query: { sql: string }) => {
          if (!query.sql.includes('jsonb_to_recordset')) return;
          knex.off('query', abortOnWrite);
          request.destroy();
          resolve();
        };
        knex.on('query', abortOnWrite);
      });
      const answered = new Promise<string>((resolve) => {
        request.on('response', (response) => resolve(`answered ${response.statusCode}`));
        request.on('error', (error) => resolve(`client error ${(error as NodeJS.ErrnoException).code}`));
      });
      request.end(body);
      try {
        await aborted;
        expect(await answered).toBe('client error ECONNRESET');
        expect(transactions).toHaveBeenCalledTimes(1);
        const outcome = await (transactions.mock.results[0]!.value as Promise<unknown>).then(() => 'committed', () => 'rolled back');
        const after = await snapshotWorkspace(knex, half);
        const written = after.rows.people!.count - before.rows.people!.count;
        const events = after.rows._outbox!.count - before.rows._outbox!.count;
        expect({ outcome, written, events }).toEqual(outcome === 'committed' ? { outcome, written: count, events: count } : { outcome, written: 0, events: 0 });
        if (outcome === 'rolled back') expect(after).toEqual(before);
        expect((await api.request('GET', '/api/health')).status).toBe(200);
      } finally {
        transactions.mockRestore();
      }
    });
  });

  describe('values one bulk request gives twice, as PostgreSQL compares them', () => {
    const twice = 'twice';
    const twiceBulk = `/api/w/${twice}/data/people/bulk`;
    let existing: string;

    beforeAll(async () => {
      const blueprint = teamsBlueprint();
      blueprint.objects[1]!.fields.push(field('ref', 'decimal', { unique: true, precision: 10, scale: 2 }), field('slot', 'datetime', { unique: true }));
      await api.tessera.createWorkspace(twice, blueprint, 'test');
      existing = (await api.request('POST', `/api/w/${twice}/data/people`, { name: '已有' })).body.data.id as string;
    });

    it('a bulk create holding a unique value twice gets 422 at /records/1/email', async () => {
      const response = await api.request('POST', twiceBulk, { mode: 'create', records: [{ name: 'a', email: 'same@example.com' }, { name: 'b', email: 'same@example.com' }] });
      expect(response.status).toBe(422);
      expect(response.body.error.errors).toEqual([expect.objectContaining({ pointer: '/records/1/email', code: 'duplicate_item' })]);
    });

    it('a bulk create holding an id twice gets 422 at /records/1/id', async () => {
      const id = '0b6f3a52-8f55-4d3c-9d57-4a1c2f0d9e11';
      const response = await api.request('POST', twiceBulk, { mode: 'create', records: [{ id, name: 'a' }, { id: id.toUpperCase(), name: 'b' }] });
      expect(response.status).toBe(422);
      expect(response.body.error.errors).toEqual([expect.objectContaining({ pointer: '/records/1/id' })]);
    });

    it('a bulk create reusing an existing id gets 409 naming id', async () => {
      const response = await api.request('POST', twiceBulk, { mode: 'create', records: [{ id: existing, name: 'again' }] });
      expect(response.status).toBe(409);
      expect(response.body.error.errors).toEqual([expect.objectContaining({ pointer: '/id' })]);
    });

    it('an upsert whose decimal keys are equal as numbers ("1.50", 1.5) gets 422 at the second', async () => {
      const response = await api.request('POST', twiceBulk, { mode: 'upsert', key: 'ref', records: [{ name: 'a', ref: '1.50' }, { name: 'b', ref: 1.5 }] });
      expect(response.status).toBe(422);
      expect(response.body.error.errors).toEqual([expect.objectContaining({ pointer: '/records/1/ref' })]);
    });

    it('an upsert whose datetime keys are the same instant in two offsets gets 422 at the second', async () => {
      const response = await api.request('POST', twiceBulk, { mode: 'upsert', key: 'slot', records: [{ name: 'a', slot: '2024-01-01T00:00:00Z' }, { name: 'b', slot: '2024-01-01T08:00:00.0004+08:00' }] });
      expect(response.status).toBe(422);
      expect(response.body.error.errors).toEqual([expect.objectContaining({ pointer: '/records/1/slot' })]);
    });

    it('a bulk update names records by id, and refuses a missing or malformed id', async () => {
      const response = await api.request('POST', twiceBulk, { mode: 'update', records: [{ id: existing, name: '改名' }] });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ created: 0, updated: 1 });
      expect((await api.request('GET', `/api/w/${twice}/data/people/${existing}`)).body.data.name).toBe('改名');
      const bad = await api.request('POST', twiceBulk, { mode: 'update', records: [{ name: 'x' }, { id: 'nope', name: 'y' }] });
      expect(bad.status).toBe(422);
      expect(bad.body.error.errors.map((item: { pointer: string }) => item.pointer)).toEqual(['/records/0/id', '/records/1/id']);
    });
  });
});

describe('a bulk writer process killed in the middle of its transaction', () => {
  let shared: SharedDatabase;
  const lastEmail = 'last@example.com';
  const count = async (table: string) => Number((await shared.tessera.database.knex(`ws_acme.${table}`).count({ n: '*' }))[0]!.n);

  beforeAll(async () => {
    shared = await openSharedDatabase();
    await shared.tessera.createWorkspace('acme', teamsBlueprint(), 'test');
    const context = await shared.tessera.system('acme', 'test');
    await bulkWrite(context, 'people', 'create', [...newPeople(10, 'kept'), { name: '最后一位', email: lastEmail }]);
  });
  afterAll(async () => shared.close());

  it('commits every row and event when it is left alone (the control)', async () => {
    const [people, events] = [await count('people'), await count('_outbox')];
    const outcome = await runWriter(shared, { count: 200, lastEmail, kill: false });
    expect(outcome.stdout).toContain('done');
    expect([await count('people'), await count('_outbox')]).toEqual([people + 200, events + 201]);
  });

  it('leaves no row and no outbox event of it after SIGKILL mid-transaction, and the database stays usable', async () => {
    const before = await snapshotWorkspace(shared.tessera.database.knex, 'acme');
    const outcome = await runWriter(shared, { count: 6_000, lastEmail, kill: true });
    expect(outcome).toMatchObject({ signal: 'SIGKILL', stdout: 'writing\n' });
    expect(await snapshotWorkspace(shared.tessera.database.knex, 'acme')).toEqual(before);
    const context = await shared.tessera.system('acme', 'test');
    expect(await bulkWrite(context, 'people', 'upsert', [{ name: '还在', email: lastEmail }, ...newPeople(3, 'after')], 'email')).toEqual({ created: 3, updated: 1 });
    expect(await count('_outbox')).toBe(before.rows._outbox!.count + 4);
  });
});
