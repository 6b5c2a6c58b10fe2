import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { field, teamsBlueprint } from '../../test/fixtures.js';
import type { TesseraError } from '../errors/index.js';
import { joinTableName } from '../documents/index.js';
import { bulkWrite, createRecord, getRecord, listRecords, updateRecord, deleteRecord, restoreRecord } from './index.js';

let tessera: Tessera;
const ctx = () => tessera.system('rec', 'tester');

describe('records', () => {
  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('rec', teamsBlueprint(), 'tester');
  });
  afterAll(async () => tessera.close());

  it('creates, reads, updates with optimistic concurrency, deletes and restores', async () => {
    const team = await createRecord(await ctx(), 'teams', { name: '销售一部' });
    const person = await createRecord(await ctx(), 'people', { name: '张伟', age: 31, salary: '12345.67', team: team.id, skills: ['ts'], phone: '+8613812345678', seen_at: '2026-01-02T03:04:05+08:00' });
    expect(person).toMatchObject({ name: '张伟', age: 31, salary: '12345.67', status: 'active', version: 1, skills: ['ts'], seen_at: '2026-01-01T19:04:05.000Z', created_by: 'system:tester', owner_id: null });
    expect(person.code).toMatch(/^P\d{8}$/);
    const updated = await updateRecord(await ctx(), 'people', person.id as string, { age: 32, version: 1 });
    expect(updated.version).toBe(2);
    await expect(updateRecord(await ctx(), 'people', person.id as string, { age: 33, version: 1 })).rejects.toMatchObject({ code: 'VERSION_CONFLICT', status: 409 });
    await deleteRecord(await ctx(), 'people', person.id as string);
    await expect(getRecord(await ctx(), 'people', person.id as string)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await restoreRecord(await ctx(), 'people', person.id as string);
    const withTeam = await getRecord(await ctx(), 'people', person.id as string, ['team']);
    expect(withTeam.team).toMatchObject({ name: '销售一部' });
    const events = await tessera.database.knex('ws_rec._outbox').where({ record_id: person.id }).orderBy('id').pluck('type');
    expect(events).toEqual(['record.created', 'record.updated', 'record.deleted', 'record.restored']);
  });

  it('indexes every table in the default list order', async () => {
    const { rows } = await tessera.database.knex.raw(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'ws_rec' AND indexdef LIKE '%created_at DESC NULLS LAST, id)'`);
    expect((rows as { tablename: string }[]).map((row) => row.tablename).sort()).toEqual(['people', 'teams']);
  });

  it('reports every field error with a pointer and both languages', async () => {
    const error = await createRecord(await ctx(), 'people', { age: 'old', salary: 1.234, email: 'nope', status: 'weird', bogus: 1, code: 'X' }).catch((caught: unknown) => caught) as TesseraError;
    expect(error.status).toBe(422);
    const pointers = error.errors.map((item) => `${item.pointer} ${item.code}`).sort();
    expect(pointers).toEqual(['/age type', '/bogus unknown_field', '/code read_only', '/email format', '/name required', '/salary decimal', '/status option']);
    expect(error.errors[0]!.message['zh-CN']).toBeTruthy();
  });

  it('names the field of a unique violation', async () => {
    await createRecord(await ctx(), 'people', { name: 'a', email: 'dup@example.com' });
    await expect(createRecord(await ctx(), 'people', { name: 'b', email: 'dup@example.com' })).rejects.toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409, params: { field: 'email' } });
  });

  it('bulk upserts by a unique key, all or nothing', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => ({ name: `p${index}`, email: `p${index}@example.com`, age: index }));
    expect(await bulkWrite(await ctx(), 'people', 'upsert', rows, 'email')).toEqual({ created: 30, updated: 0 });
    const again = rows.map((row) => ({ ...row, age: row.age + 100 }));
    expect(await bulkWrite(await ctx(), 'people', 'upsert', again, 'email')).toEqual({ created: 0, updated: 30 });
    const bad = [...rows, { name: 'x', email: 'p1@example.com' }];
    await expect(bulkWrite(await ctx(), 'people', 'upsert', bad, 'email')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('filters, sorts and pages with cursors across a relation', async () => {
    const first = await listRecords(await ctx(), 'people', { filter: JSON.stringify({ and: [{ field: 'age', op: 'gte', value: 110 }, { field: 'email', op: 'ends_with', value: 'x' }] }) }).catch((caught: unknown) => caught);
    expect((first as TesseraError).code).toBe('INVALID_FILTER');
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await listRecords(await ctx(), 'people', { filter: { field: 'age', op: 'between', value: [105, 129] }, sort: '-age', limit: '7', count: 'true', ...(cursor ? { cursor } : {}) });
      expect(page.page.total).toBe(25);
      seen.push(...page.data.map((record) => String(record.age)));
      cursor = page.page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => String(129 - index)));
    const narrow = await listRecords(await ctx(), 'people', { filter: { field: 'age', op: 'between', value: [105, 129] }, sort: '-age', fields: 'name', limit: '20' });
    expect(Object.keys(narrow.data[0]!).sort()).toEqual(['id', 'name', 'version']);
    const rest = await listRecords(await ctx(), 'people', { filter: { field: 'age', op: 'between', value: [105, 129] }, sort: '-age', fields: 'name', cursor: narrow.page.next_cursor });
    expect([...narrow.data, ...rest.data].map((record) => record.name)).toEqual(Array.from({ length: 25 }, (_, index) => `p${29 - index}`));
    const viaTeam = await listRecords(await ctx(), 'people', { filter: { field: 'team.name', op: 'starts_with', value: '销售' } });
    expect(viaTeam.data.map((record) => record.name)).toEqual(['张伟']);
  });

  it('lists the same way before and after an apply changes what the list returns', async () => {
    const list = async () => (await listRecords(await ctx(), 'people', { filter: { field: 'email', op: 'eq', value: 'p5@example.com' }, fields: 'age', count: 'true' })).data.map((record) => record.age);
    for (let call = 0; call < 3; call += 1) expect(await list()).toEqual([105]);
    const blueprint = teamsBlueprint();
    blueprint.objects[1]!.fields[1] = { ...blueprint.objects[1]!.fields[1]!, type: 'decimal', precision: 12, scale: 2 };
    await tessera.apply('rec', blueprint, { actor: 'tester' });
    for (let call = 0; call < 3; call += 1) expect(await list()).toEqual(['105.00']);
    await tessera.apply('rec', teamsBlueprint(), { actor: 'tester', conversions: {} });
    expect(await list()).toEqual([105]);
  });

  it('treats empty values as documented: ne, nin and not include them, is_null finds them', async () => {
    await bulkWrite(await ctx(), 'people', 'create', [{ name: 'e1', email: 'e1@x.cn', age: 7 }, { name: 'e2', email: 'e2@x.cn' }, { name: 'e3', email: 'e3@x.cn', age: 8, skills: [] }]);
    const names = async (filter: unknown) => (await listRecords(await ctx(), 'people', { filter: { and: [{ field: 'email', op: 'contains', value: '@x.cn' }, filter] }, sort: 'name' })).data.map((record) => record.name);
    expect(await names({ field: 'age', op: 'ne', value: 7 })).toEqual(['e2', 'e3']);
    expect(await names({ field: 'age', op: 'nin', value: [8] })).toEqual(['e1', 'e2']);
    expect(await names({ not: { field: 'age', op: 'gt', value: 7 } })).toEqual(['e1', 'e2']);
    expect(await names({ field: 'age', op: 'is_null' })).toEqual(['e2']);
    expect(await names({ field: 'age', op: 'is_null', value: false })).toEqual(['e1', 'e3']);
    expect(await names({ field: 'skills', op: 'is_null' })).toEqual(['e1', 'e2', 'e3']);
    expect(await names({ field: 'team.name', op: 'is_null' })).toEqual(['e1', 'e2', 'e3']);
  });

  describe('bulk writes over many chunks', () => {
    const bulkCtx = () => tessera.system('bulk', 'tester');
    beforeAll(async () => {
      const blueprint = teamsBlueprint();
      blueprint.objects[0]!.fields.push(field('members', 'relation', { relation: { kind: 'many_to_many', target: 'people' } }));
      blueprint.objects[1]!.indexes = [{ fields: ['team', '-age'] }];
      await tessera.createWorkspace('bulk', blueprint, 'tester');
    });
    const count = async (table: string) => Number((await tessera.database.knex(`ws_bulk.${table}`).count({ n: '*' }))[0]!.n);

    it('creates declared indexes with descending columns, to serve sort=-field', async () => {
      const { rows } = await tessera.database.knex.raw(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'ws_bulk' AND tablename = 'people' AND indexdef LIKE '%(team, age DESC NULLS LAST)'`);
      expect(rows).toHaveLength(1);
    });

    it('writes nothing when a record of a late chunk is invalid, and lists every bad record', async () => {
      const people: Record<string, unknown>[] = Array.from({ length: 3_500 }, (_, index) => ({ name: `n${index}`, email: `n${index}@example.com`, phone: `+8613${String(index).padStart(9, '0')}` }));
      people[2_999] = { ...people[2_999]!, email: 'not an email' };
      people[3_400] = { ...people[3_400]!, age: -1 };
      const error = await bulkWrite(await bulkCtx(), 'people', 'create', people).catch((caught: unknown) => caught) as TesseraError;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.errors.map((item) => item.pointer)).toEqual(['/records/2999/email', '/records/3400/age']);
      expect(await count('people')).toBe(0);
      expect(await count('_outbox')).toBe(0);
    });

    it('caps the listed errors but counts them all', async () => {
      const people = Array.from({ length: 2_500 }, () => ({ name: 1 }));
      const error = await bulkWrite(await bulkCtx(), 'people', 'create', people).catch((caught: unknown) => caught) as TesseraError;
      expect(error.errors).toHaveLength(1_000);
      expect(error.params).toMatchObject({ count: 2_500 });
    });

    it('refuses a key given twice across chunks', async () => {
      const people = Array.from({ length: 1_500 }, (_, index) => ({ name: `d${index}`, email: `d${index}@example.com` }));
      people[1_400] = { name: 'again', email: 'd3@example.com' };
      const error = await bulkWrite(await bulkCtx(), 'people', 'upsert', people, 'email').catch((caught: unknown) => caught) as TesseraError;
      expect(error.errors.map((item) => `${item.pointer} ${item.code}`)).toEqual(['/records/1400/email duplicate_item']);
      expect(await count('people')).toBe(0);
    });

    it('writes all chunks, then links many_to_many by id on create and by key on upsert', async () => {
      const people = Array.from({ length: 2_300 }, (_, index) => ({ name: `m${index}`, email: `m${index}@example.com`, age: index % 100 }));
      expect(await bulkWrite(await bulkCtx(), 'people', 'create', people)).toEqual({ created: 2_300, updated: 0 });
      const ids = await tessera.database.knex('ws_bulk.people').orderBy('email').limit(3).pluck('id');
      expect(await bulkWrite(await bulkCtx(), 'teams', 'create', [{ name: 'a', members: ids.slice(0, 2) }, { name: 'b', members: [] }])).toEqual({ created: 2, updated: 0 });
      expect(await bulkWrite(await bulkCtx(), 'teams', 'upsert', [{ name: 'b', members: ids }, { name: 'c', members: [ids[0]] }], 'name')).toEqual({ created: 1, updated: 1 });
      const join = `ws_bulk.${joinTableName('teams', 'members')}`;
      const { rows: links } = await tessera.database.knex.raw(`SELECT t.name, count(*)::int AS n FROM ws_bulk.teams t JOIN ${join} j ON j.source_id = t.id GROUP BY t.name ORDER BY t.name`);
      expect(links).toEqual([{ name: 'a', n: 2 }, { name: 'b', n: 3 }, { name: 'c', n: 1 }]);
      const team = await getRecord(await bulkCtx(), 'teams', (await tessera.database.knex('ws_bulk.teams').where({ name: 'b' }).first()).id, ['members']);
      expect((team.members as unknown[]).length).toBe(3);
      expect(await count('_outbox')).toBe(2_300 + 2 + 2);
      const updates = people.slice(0, 1_200).map((person) => ({ ...person, age: 120 }));
      expect(await bulkWrite(await bulkCtx(), 'people', 'upsert', updates, 'email')).toEqual({ created: 0, updated: 1_200 });
      expect(await count('people')).toBe(2_300);
    });

    it('pages through records written by one statement (same created_at) in the default order, none lost or repeated', async () => {
      const seen = new Set<string>();
      let listed = 0;
      let cursor: string | null | undefined;
      let pages = 0;
      do {
        const page = await listRecords(await bulkCtx(), 'people', { limit: '500', fields: 'name', ...(cursor ? { cursor } : {}) });
        for (const record of page.data) seen.add(String(record.id));
        listed += page.data.length;
        cursor = page.page.next_cursor;
        pages += 1;
      } while (cursor);
      expect(seen.size).toBe(2_300);
      expect(listed).toBe(2_300);
      expect(pages).toBe(5);
    });
  });
});
