import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Blueprint } from '../documents/index.js';
import { openTestDatabase } from '../testing/index.js';
import type { Database } from '../db/index.js';
import { applyMigration, createWorkspace, planMigration } from './index.js';
import { field, teamsBlueprint } from '../../test/fixtures.js';
import { TesseraError } from '../errors/index.js';

let db: Database;
const actor = 'test';

async function columns(table: string): Promise<string[]> {
  const { rows } = await db.knex.raw(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'ws_mig' AND table_name = ? ORDER BY ordinal_position`, [table]);
  return (rows as { column_name: string }[]).map((row) => row.column_name);
}

function withPeople(blueprint: Blueprint, change: (fields: Blueprint['objects'][number]['fields']) => void): Blueprint {
  const copy = structuredClone(blueprint);
  change(copy.objects[1]!.fields);
  return copy;
}

describe('migrations', () => {
  beforeAll(async () => {
    db = await openTestDatabase();
    await createWorkspace(db.knex, 'mig', teamsBlueprint(), actor);
    await db.knex.raw(`INSERT INTO ws_mig.people (name, age) VALUES ('王伟', 30), ('李娜', NULL)`);
  });
  afterAll(async () => db.close());

  it('creates typed tables with system columns', async () => {
    expect(await columns('people')).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at',
      'name', 'age', 'salary', 'email', 'phone', 'status', 'skills', 'team', 'born', 'seen_at', 'code']);
    const { rows } = await db.knex.raw(`SELECT code, status FROM ws_mig.people ORDER BY code`);
    expect(rows[0].code).toMatch(/^P\d{4}0001$/);
    expect(rows[0].status).toBe('active');
  });

  it('renames a field and keeps its data', async () => {
    const next = withPeople(teamsBlueprint(), (fields) => { fields[1]!.name = 'years'; });
    const result = await applyMigration(db.knex, 'mig', next, { actor });
    expect(result.plan.steps.map((step) => step.kind)).toEqual(['rename_field']);
    const { rows } = await db.knex.raw(`SELECT years FROM ws_mig.people WHERE name = '王伟'`);
    expect(rows[0].years).toBe(30);
  });

  it('refuses to make a field required while rows are empty, unless given a value', async () => {
    const next = withPeople(teamsBlueprint(), (fields) => { fields[1]!.name = 'years'; fields[1]!.required = true; });
    const plan = await planMigration(db.knex, 'mig', next, { actor });
    expect(plan.applicable).toBe(false);
    const step = plan.steps.find((candidate) => candidate.kind === 'alter_field');
    expect(step?.kind === 'alter_field' && step.checks[0]?.violations).toBe(1);
    await expect(applyMigration(db.knex, 'mig', next, { actor })).rejects.toMatchObject({ code: 'MIGRATION_REFUSED' });
    await applyMigration(db.knex, 'mig', next, { actor, conversions: { 'people.years': { onInvalid: 'set_value', value: 18 } } });
    const { rows } = await db.knex.raw(`SELECT years FROM ws_mig.people WHERE name = '李娜'`);
    expect(rows[0].years).toBe(18);
  });

  it('archives a removed field and restores it with its data', async () => {
    const current = withPeople(teamsBlueprint(), (fields) => { fields[1]!.name = 'years'; fields[1]!.required = true; });
    const without = withPeople(current, (fields) => { fields.splice(1, 1); });
    const archived = await applyMigration(db.knex, 'mig', without, { actor });
    expect(archived.plan.summary.destructive).toBe(1);
    expect(await columns('people')).not.toContain('years');
    await applyMigration(db.knex, 'mig', current, { actor });
    const { rows } = await db.knex.raw(`SELECT years FROM ws_mig.people ORDER BY name`);
    expect(rows.map((row: { years: number }) => row.years).sort()).toEqual([18, 30]);
  });

  it('rolls a failed apply back completely', async () => {
    const before = await db.knex('tessera.workspaces').where({ slug: 'mig' }).first();
    const next = withPeople(before.blueprint as Blueprint, (fields) => {
      fields.push(field('nick', 'text'));
      fields[0]!.unique = true;
    });
    await db.knex.raw(`INSERT INTO ws_mig.people (name, years) VALUES ('王伟', 40)`);
    const error = await applyMigration(db.knex, 'mig', next, { actor }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).code).toBe('MIGRATION_REFUSED');
    expect(await columns('people')).not.toContain('nick');
    const after = await db.knex('tessera.workspaces').where({ slug: 'mig' }).first();
    expect(after.blueprint_version).toBe(before.blueprint_version);
  });
});
