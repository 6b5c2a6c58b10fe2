import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { queryAudit } from '../audit/index.js';
import { teamsBlueprint } from '../../test/fixtures.js';
import { bulkWrite } from './bulk-write.js';
import { createRecord, updateRecord } from './record-operations.js';

/** What the audit log records for each kind of write: old → new of changed fields only. */
describe('audit change sets', () => {
  let tessera: Tessera;
  const history = async (id: string) => (await queryAudit(tessera.database.knex, 'ws_aud', { object: 'people', record: id })).data;

  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    const blueprint = teamsBlueprint();
    blueprint.objects[1]!.fields.find((field) => field.name === 'phone')!.personal = true;
    await tessera.createWorkspace('aud', blueprint, 'tester');
  });

  afterAll(async () => {
    await tessera?.close();
  });

  it('a bulk upsert logs new records whole and existing ones by their changed fields only (NULL → NULL is no change)', async () => {
    const context = await tessera.system('aud', 'test');
    await bulkWrite(context, 'people', 'upsert', [{ name: '甲', email: 'a@example.com', age: null, phone: '+8613800000001' }], 'email');
    await bulkWrite(context, 'people', 'upsert', [{ name: '甲二', email: 'a@example.com', age: null, phone: '+8613800000001' }], 'email');
    const { rows } = await tessera.database.knex.raw(`SELECT id::text AS id FROM ws_aud.people WHERE email = 'a@example.com'`);
    const [update, create] = await history(rows[0].id);
    expect(create!.action).toBe('record.create');
    expect(create!.changes).toMatchObject({ name: { old: null, new: '甲' }, email: { old: null, new: 'a@example.com' }, age: { old: null, new: null }, phone: { changed: true } });
    expect(update!.action).toBe('record.update');
    expect(update!.changes).toEqual({ name: { old: '甲', new: '甲二' } });
  });

  it('an update logs old → new; a personal field only as changed, never its values', async () => {
    const context = await tessera.system('aud', 'test');
    const person = await createRecord(context, 'people', { name: '乙', phone: '+8613800000002', age: 30 });
    await updateRecord(context, 'people', person.id as string, { age: 31, phone: '+8613800000003', name: '乙' });
    const [update, create] = await history(person.id as string);
    expect(update!.changes).toEqual({ age: { old: 30, new: 31 }, phone: { changed: true } });
    // Written in system mode, the record has no owner, and the log does not say NULL → NULL.
    expect(Object.keys(create!.changes!).sort()).toEqual(['age', 'name', 'phone']);
    expect(JSON.stringify(await history(person.id as string))).not.toContain('13800000003');
  });
});
