import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { asSystem, type Principal } from '../access/index.js';
import { platformSchema } from '../db/index.js';
import { createRecord } from '../data/index.js';
import { createSavedView, listSavedViews } from '../views/index.js';
import { cloneWorkspace } from './index.js';
import { clientBlueprint } from './test-fixtures.js';

let tessera: Tessera;
const admin = asSystem('test');
const someone: Principal = { kind: 'user', userId: 'u1', label: 'someone@example.com', platformAdmin: false };
const knex = () => tessera.database.knex;
const rows = async <T = Record<string, unknown>>(sql: string, bindings: unknown[] = []) => ((await knex().raw(sql, bindings as never[])) as { rows: T[] }).rows;
const count = async (table: string) => Number((await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const ids = (table: string) => knex()(table).orderBy('id').pluck('id');
const schemaExists = async (schema: string) => (await rows('SELECT 1 FROM pg_namespace WHERE nspname = ?', [schema])).length > 0;
const workspaceId = async (slug: string) => Number((await knex()(`${platformSchema}.workspaces`).where({ slug }).first('id')).id);
const foreignKeyCount = async (schema: string) => Number((await rows<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = ? AND k.contype = 'f'`, [schema]))[0]!.n);
const dataTables = ['teams', 'people', 'people__mentors', '_consents'];

async function fill(slug: string): Promise<void> {
  const schema = `ws_${slug}`;
  const id = await workspaceId(slug);
  await knex()(`${platformSchema}.workspaces`).where({ id }).update({ name: 'Source', template: 'retail', settings: JSON.stringify({ currency: 'CNY' }) });
  await knex()(`${platformSchema}.roles`).insert({ workspace_id: id, name: 'sales', document: JSON.stringify({ name: 'sales', objects: {} }), updated_by: 'test' });
  const [user] = await knex()(`${platformSchema}.users`).insert({ email: `${slug}@example.com`, name: 'A', password_hash: 'x' }, ['id']) as { id: string }[];
  await knex()(`${platformSchema}.memberships`).insert({ user_id: user!.id, workspace_id: id, role: 'sales' });
  const [team] = await knex()(`${schema}.teams`).insert({ name: 'north' }, ['id']) as { id: string }[];
  await rows(`INSERT INTO ${schema}.people (name, team, age) SELECT 'p' || g, ?, g FROM generate_series(1, 40) g`, [team!.id]);
  await rows(`UPDATE ${schema}.people SET deleted_at = now() WHERE age <= 3`);
  await rows(`UPDATE ${schema}.teams SET lead = (SELECT id FROM ${schema}.people WHERE age = 10)`);
  await rows(`INSERT INTO ${schema}.people__mentors (source_id, target_id) SELECT a.id, b.id FROM ${schema}.people a, ${schema}.people b WHERE a.age = 10 AND b.age > 30`);
  // Through the write pipeline: the source gets an outbox event and an audit entry.
  await createRecord(await tessera.system(slug, 'test'), 'teams', { name: 'south' });
  // Consents: data outside the blueprint's tables, kept by the privacy part of the engine.
  await rows(`INSERT INTO ${schema}._consents (object, record_id, channel, purpose, status) SELECT 'people', id, 'sms', 'marketing', 'granted' FROM ${schema}.people WHERE age <= 5`);
  // Saved views: a shared one (set up for the team) and a personal one.
  const views = await tessera.system(slug, 'test');
  const view = (id: string) => ({ id, name: id, object: 'people', label: { 'zh-CN': id, en: id }, columns: [{ field: 'name' }, { field: 'age' }] });
  await createSavedView(views, { view: view('team_people'), shared: true });
  await createSavedView(views, { view: view('my_people') });
}

/** The saved views of `people` in a workspace, as the system sees them: name and whether shared. */
async function savedViews(slug: string): Promise<{ name: string; shared: boolean }[]> {
  return (await listSavedViews(await tessera.system(slug, 'test'), 'people')).map((saved) => ({ name: saved.view.name, shared: saved.shared }));
}

describe('cloning a workspace', () => {
  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('src', clientBlueprint(), 'test');
    // Version 2 drops a field: its column stays in the source as hidden archived data.
    const blueprint = clientBlueprint();
    blueprint.objects[1]!.fields = blueprint.objects[1]!.fields.filter((field) => field.name !== 'born');
    await tessera.apply('src', blueprint, { actor: 'test' });
    await fill('src');
  });
  afterAll(async () => tessera.close());

  it('without data: the same blueprint, roles, settings, template and shared views, empty tables, no members', async () => {
    const clone = await cloneWorkspace(tessera, 'src', { slug: 'bare', name: 'Bare Client' }, admin);
    expect(clone).toMatchObject({ slug: 'bare', name: 'Bare Client', template: 'retail', version: 1, archivedAt: null });
    expect(clone.copied).toBeUndefined();
    expect((await tessera.workspace('bare')).model.blueprint).toEqual((await tessera.workspace('src')).model.blueprint);
    const row = await knex()(`${platformSchema}.workspaces`).where({ slug: 'bare' }).first('settings', 'id');
    expect(row.settings).toEqual({ currency: 'CNY' });
    expect(await knex()(`${platformSchema}.roles`).where({ workspace_id: row.id }).select('name', 'document')).toEqual([{ name: 'sales', document: { name: 'sales', objects: {} } }]);
    expect(await count(`${platformSchema}.memberships WHERE workspace_id = ${Number(row.id)}`)).toBe(0);
    expect(await savedViews('src')).toEqual(expect.arrayContaining([{ name: 'team_people', shared: true }, { name: 'my_people', shared: false }]));
    expect(await savedViews('bare')).toEqual([{ name: 'team_people', shared: true }]);
    for (const table of ['teams', 'people', 'people__mentors', '_outbox']) expect(await count(`ws_bare.${table}`)).toBe(0);
    expect(await knex()(`${platformSchema}.platform_audit`).where({ target: 'bare' }).pluck('action')).toEqual(['workspace.clone']);
  });

  it('with data: every row of every data table, same ids, deleted rows too, no history', async () => {
    const clone = await cloneWorkspace(tessera, 'src', { slug: 'full', name: 'Full Client', withData: true }, admin);
    expect(clone.copied).toEqual({ teams: 2, people: 40, people__mentors: 10, _consents: 5 });
    for (const table of dataTables) {
      expect(await count(`ws_full.${table}`)).toBe(await count(`ws_src.${table}`));
      expect(await ids(`ws_full.${table === 'people__mentors' ? 'people' : table}`)).toEqual(await ids(`ws_src.${table === 'people__mentors' ? 'people' : table}`));
    }
    expect(await rows('SELECT id, code, version, created_at, deleted_at, team FROM ws_full.people ORDER BY id')).toEqual(await rows('SELECT id, code, version, created_at, deleted_at, team FROM ws_src.people ORDER BY id'));
    expect(await rows('SELECT * FROM ws_full.people__mentors ORDER BY source_id, target_id')).toEqual(await rows('SELECT * FROM ws_src.people__mentors ORDER BY source_id, target_id'));
    // The clone's history is its own: no event and no record entry of the source, only its creation.
    expect(await count('ws_src._outbox')).toBeGreaterThan(0);
    expect(await count('ws_full._outbox')).toBe(0);
    expect(await count(`ws_src._audit WHERE object = 'teams'`)).toBe(1);
    expect(await knex()('ws_full._audit').pluck('action')).toEqual(['blueprint.apply']);
    expect(await foreignKeyCount('ws_full')).toBe(await foreignKeyCount('ws_bare'));
    expect(await foreignKeyCount('ws_full')).toBeGreaterThanOrEqual(4);
  });

  it('new records in the clone continue the numbering, and leave the source alone', async () => {
    const last = (await rows<{ code: string }>('SELECT max(code) AS code FROM ws_src.people'))[0]!.code;
    const [made] = await knex()('ws_full.people').insert({ name: 'new' }, ['code']) as { code: string }[];
    expect(Number(made!.code.slice(-4))).toBe(Number(last.slice(-4)) + 1);
    expect(await count('ws_full.people')).toBe(41);
    expect(await count('ws_src.people')).toBe(40);
    const [fromSource] = await knex()('ws_src.people').insert({ name: 'also new' }, ['code']) as { code: string }[];
    expect(fromSource!.code).toBe(made!.code);
    await knex()('ws_src.people').where({ name: 'also new' }).delete();
    const consent = { object: 'people', record_id: (await ids('ws_full.people'))[0], channel: 'email', purpose: 'service', status: 'granted' };
    const [added] = await knex()('ws_full._consents').insert(consent, ['id']) as { id: number }[];
    expect(Number(added!.id)).toBe(6);
  });

  it('refuses a slug in use with 409 and leaves that workspace as it was', async () => {
    await expect(cloneWorkspace(tessera, 'src', { slug: 'bare', name: 'x', withData: true }, admin)).rejects.toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409 });
    expect(await count('ws_bare.people')).toBe(0);
    expect((await knex()(`${platformSchema}.workspaces`).where({ slug: 'bare' }).first('name')).name).toBe('Bare Client');
    expect(await count(`${platformSchema}.roles WHERE workspace_id = ${await workspaceId('bare')}`)).toBe(1);
  });

  it('refuses bad slugs and names, and unknown sources, creating nothing', async () => {
    for (const slug of ['', 'Bad', '1abc', 'a-b', `x"; DROP SCHEMA ws_src CASCADE; --`, 'a'.repeat(41)]) {
      await expect(cloneWorkspace(tessera, 'src', { slug, name: 'x' }, admin)).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    }
    await expect(cloneWorkspace(tessera, 'src', { slug: 'ok', name: '' }, admin)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(cloneWorkspace(tessera, 'nope', { slug: 'ok', name: 'x' }, admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cloneWorkspace(tessera, 'src', { slug: 'ok', name: 'x' }, someone)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await schemaExists('ws_ok')).toBe(false);
    expect(await count('ws_src.people')).toBe(40);
  });

  it('a clone that fails halfway leaves no row, no schema and no audit entry', async () => {
    await tessera.createWorkspace('broken', clientBlueprint(), 'test');
    // A row whose team is gone: adding the clone's foreign keys back fails after the copy.
    const key = (await rows<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE conrelid = 'ws_broken.people'::regclass AND contype = 'f'`))[0]!.name;
    await rows(`ALTER TABLE ws_broken.people DROP CONSTRAINT ${key}`);
    await rows(`INSERT INTO ws_broken.people (name, team) VALUES ('orphan', gen_random_uuid())`);
    await expect(cloneWorkspace(tessera, 'broken', { slug: 'half', name: 'Half', withData: true }, admin)).rejects.toMatchObject({ code: '23503' });
    expect(await schemaExists('ws_half')).toBe(false);
    expect(await knex()(`${platformSchema}.workspaces`).where({ slug: 'half' }).first()).toBeUndefined();
    expect(await count(`${platformSchema}.platform_audit WHERE target = 'half'`)).toBe(0);
    await expect(tessera.workspace('half')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
