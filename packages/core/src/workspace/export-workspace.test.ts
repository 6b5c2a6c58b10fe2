import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { asSystem, type Principal } from '../access/index.js';
import { platformSchema } from '../db/index.js';
import { archiveWorkspace, exportWorkspace, restoreWorkspace, type WorkspaceExport } from './index.js';
import { liveRecordPages } from './live-record-pages.js';
import { clientBlueprint } from './test-fixtures.js';

let tessera: Tessera;
const admin = asSystem('test');
const someone: Principal = { kind: 'user', userId: 'u1', label: 'someone@example.com', platformAdmin: false };
const knex = () => tessera.database.knex;

async function exported(slug: string, withData: boolean): Promise<{ document: WorkspaceExport; chunks: number }> {
  let text = '';
  let chunks = 0;
  for await (const chunk of await exportWorkspace(knex(), slug, { withData }, admin)) {
    text += chunk;
    chunks += 1;
  }
  return { document: JSON.parse(text) as WorkspaceExport, chunks };
}

const count = async (sql: string) => Number(((await knex().raw(sql)) as { rows: { n: number }[] }).rows[0]!.n);

describe('exporting a workspace', () => {
  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('exp', clientBlueprint(), 'test');
    const { id } = await knex()(`${platformSchema}.workspaces`).where({ slug: 'exp' }).first('id');
    await knex()(`${platformSchema}.workspaces`).where({ id }).update({ name: 'Export Co', template: 'b2b-sales', settings: JSON.stringify({ locale: 'zh-CN' }) });
    await knex()(`${platformSchema}.roles`).insert({ workspace_id: id, name: 'sales', document: JSON.stringify({ name: 'sales', objects: {} }), updated_by: 'test' });
    const [team] = await knex()('ws_exp.teams').insert({ name: 'north' }, ['id']) as { id: string }[];
    await knex().raw(`INSERT INTO ws_exp.people (name, team, age) SELECT 'p' || g, ?, g FROM generate_series(1, 2345) g`, [team!.id]);
    await knex().raw(`UPDATE ws_exp.people SET deleted_at = now() WHERE age <= 5`);
    await knex().raw(`UPDATE ws_exp.teams SET lead = (SELECT id FROM ws_exp.people WHERE age = 10)`);
    await knex().raw(`INSERT INTO ws_exp.people__mentors (source_id, target_id) SELECT a.id, b.id FROM ws_exp.people a, ws_exp.people b WHERE a.age = 10 AND b.age IN (11, 12)`);
  });
  afterAll(async () => tessera.close());

  it('without data: the documents, roles and settings, no records', async () => {
    const { document } = await exported('exp', false);
    expect(document).toEqual({
      format: 'tessera-workspace/1', slug: 'exp', name: 'Export Co', template: 'b2b-sales', settings: { locale: 'zh-CN' },
      blueprint: (await tessera.workspace('exp')).model.blueprint, version: 1, roles: [{ name: 'sales', document: { name: 'sales', objects: {} } }],
    });
  });

  it('with data: every live record, all columns, many_to_many links as id arrays, in pages', async () => {
    const { document, chunks } = await exported('exp', true);
    expect(document.data!.people).toHaveLength(await count('SELECT count(*)::int AS n FROM ws_exp.people WHERE deleted_at IS NULL'));
    expect(document.data!.people).toHaveLength(2340);
    expect(document.data!.teams).toHaveLength(1);
    expect(chunks).toBeGreaterThan(3);
    const mentor = document.data!.people!.find((record) => record.age === 10)!;
    const expected = await knex()('ws_exp.people').whereIn('age', [11, 12]).orderBy('id').pluck('id');
    expect(mentor.mentors).toEqual(expected);
    expect(document.data!.teams![0]).toMatchObject({ name: 'north', lead: mentor.id, version: 1, deleted_at: null });
    expect(Object.keys(mentor)).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'version', 'deleted_at', 'code', 'team', 'mentors']));
    expect(new Set(document.data!.people!.map((record) => record.id)).size).toBe(2340);
    expect(document.data!.people!.find((record) => record.age === 11)!.mentors).toEqual([]);
  });

  it('reads pages by id, leaving hidden columns out', async () => {
    await knex().raw('ALTER TABLE ws_exp.teams ADD COLUMN _archived_9 text');
    const pages: number[] = [];
    for await (const page of liveRecordPages(knex(), 'ws_exp', (await tessera.workspace('exp')).model.objects.get('people')!, 1000)) {
      pages.push(page.length);
    }
    expect(pages).toEqual([1000, 1000, 340]);
    const teams = (await exported('exp', true)).document.data!.teams!;
    expect(Object.keys(teams[0]!).some((key) => key.startsWith('_'))).toBe(false);
    await knex().raw('ALTER TABLE ws_exp.teams DROP COLUMN _archived_9');
  });

  it('exports an archived workspace too, audits every export, and fails before streaming', async () => {
    await archiveWorkspace(tessera, 'exp', admin);
    expect((await exported('exp', false)).document.slug).toBe('exp');
    await restoreWorkspace(tessera, 'exp', admin);
    const actions = await knex()(`${platformSchema}.platform_audit`).where({ target: 'exp', action: 'workspace.export' }).pluck('details');
    expect(actions.map((details: { withData: boolean }) => details.withData)).toEqual([false, true, true, false]);
    await expect(exportWorkspace(knex(), 'nope', {}, admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportWorkspace(knex(), 'exp', { withData: true }, someone)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
