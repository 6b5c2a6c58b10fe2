import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { asSystem, type Principal } from '../access/index.js';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import { createWorkspaceFromTemplate, listWorkspaces, type TemplateCatalog } from './index.js';
import { clientBlueprint } from './test-fixtures.js';

let tessera: Tessera;
const admin = asSystem('test');
const someone: Principal = { kind: 'user', userId: 'u1', label: 'someone@example.com', platformAdmin: false };
const knex = () => tessera.database.knex;
const count = async (table: string) => Number(((await knex().raw(`SELECT count(*)::int AS n FROM ${table}`)) as { rows: { n: number }[] }).rows[0]!.n);
const schemaExists = async (schema: string) => ((await knex().raw('SELECT 1 FROM pg_namespace WHERE nspname = ?', [schema])) as { rows: unknown[] }).rows.length > 0;

const catalog: TemplateCatalog = {
  async load(name) {
    if (name === 'club') {
      return {
        blueprint: clientBlueprint(),
        *sampleData() {
          yield { object: 'teams', records: [{ name: 'north' }, { name: 'south' }] };
          yield { object: 'people', records: Array.from({ length: 25 }, (_, index) => ({ name: `p${index}`, age: index })) };
        },
      };
    }
    if (name === 'faulty') {
      return { blueprint: clientBlueprint(), *sampleData() { yield { object: 'teams', records: [{ name: 'north' }, { name: 'north' }] }; } };
    }
    throw new TesseraError('NOT_FOUND', { what: `template ${name}` });
  },
};

describe('creating a workspace from a template', () => {
  beforeAll(async () => { tessera = await Tessera.attach(await openTestDatabase()); });
  afterAll(async () => tessera.close());

  it('without sample data: named, marked with its template, empty, audited', async () => {
    const created = await createWorkspaceFromTemplate(tessera, { slug: 'empty', name: '空的客户', template: 'club' }, admin, catalog);
    expect(created).toMatchObject({ slug: 'empty', name: '空的客户', template: 'club', version: 1, archivedAt: null, sampleRecords: 0 });
    expect(await count('ws_empty.people')).toBe(0);
    expect((await tessera.workspace('empty')).version).toBe(1);
    expect(await knex()(`${platformSchema}.platform_audit`).where({ target: 'empty' }).select('action', 'actor_id', 'details')).toEqual([
      { action: 'workspace.create', actor_id: 'system:test', details: { template: 'club', sampleData: false } },
    ]);
  });

  it('with sample data, written through the write pipeline in the same transaction', async () => {
    const created = await createWorkspaceFromTemplate(tessera, { slug: 'demo', name: 'Demo', template: 'club', sampleData: true }, admin, catalog);
    expect(created.sampleRecords).toBe(27);
    expect(await count('ws_demo.teams')).toBe(2);
    expect(await count('ws_demo.people')).toBe(25);
    expect(await count('ws_demo._outbox')).toBeGreaterThan(0);
    expect(await knex()('ws_demo.people').distinct('created_by').pluck('created_by')).toEqual(['system:seed']);
    expect((await listWorkspaces(knex())).map((item) => item.slug)).toEqual(['demo', 'empty']);
  });

  it('sample data that fails to load leaves nothing behind', async () => {
    await expect(createWorkspaceFromTemplate(tessera, { slug: 'faulty', name: 'F', template: 'faulty', sampleData: true }, admin, catalog)).rejects.toBeInstanceOf(TesseraError);
    expect(await schemaExists('ws_faulty')).toBe(false);
    expect(await count(`${platformSchema}.platform_audit WHERE target = 'faulty'`)).toBe(0);
  });

  it('refuses what it cannot make, with the error a client gets', async () => {
    await expect(createWorkspaceFromTemplate(tessera, { slug: 'demo', name: 'Again', template: 'club' }, admin, catalog)).rejects.toMatchObject({ code: 'UNIQUE_VIOLATION', status: 409 });
    await expect(createWorkspaceFromTemplate(tessera, { slug: 'other', name: 'x', template: 'nope' }, admin, catalog)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(createWorkspaceFromTemplate(tessera, { slug: 'Bad Slug', name: 'x', template: 'club' }, admin, catalog)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createWorkspaceFromTemplate(tessera, { slug: 'other', name: '\u0000', template: 'club' }, admin, catalog)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createWorkspaceFromTemplate(tessera, { slug: 'other', name: 'x', template: 'club' }, someone, catalog)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await schemaExists('ws_other')).toBe(false);
    expect((await knex()(`${platformSchema}.workspaces`).where({ slug: 'demo' }).first('name')).name).toBe('Demo');
  });
});
