import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { teamsBlueprint } from '../../test/fixtures.js';
import type { TesseraError } from '../errors/index.js';
import { bulkWrite, createRecord, getRecord, listRecords, updateRecord, deleteRecord, restoreRecord } from './index.js';

let tessera: Tessera;
const ctx = () => tessera.data('rec', 'tester');

describe('records', () => {
  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('rec', teamsBlueprint(), 'tester');
  });
  afterAll(async () => tessera.close());

  it('creates, reads, updates with optimistic concurrency, deletes and restores', async () => {
    const team = await createRecord(await ctx(), 'teams', { name: '销售一部' });
    const person = await createRecord(await ctx(), 'people', { name: '张伟', age: 31, salary: '12345.67', team: team.id, skills: ['ts'], phone: '+8613812345678', seen_at: '2026-01-02T03:04:05+08:00' });
    expect(person).toMatchObject({ name: '张伟', age: 31, salary: '12345.67', status: 'active', version: 1, skills: ['ts'], seen_at: '2026-01-01T19:04:05.000Z', created_by: 'tester' });
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
    const viaTeam = await listRecords(await ctx(), 'people', { filter: { field: 'team.name', op: 'starts_with', value: '销售' } });
    expect(viaTeam.data.map((record) => record.name)).toEqual(['张伟']);
  });
});
