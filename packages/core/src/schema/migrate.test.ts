import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Blueprint } from '../documents/index.js';
import { openTestDatabase } from '../testing/index.js';
import type { Database } from '../db/index.js';
import { applyMigration, createWorkspace, planMigration } from './index.js';
import { field, label, teamsBlueprint } from '../../test/fixtures.js';
import { TesseraError } from '../errors/index.js';

let db: Database;
const actor = 'test';

async function columns(table: string): Promise<string[]> {
  const { rows } = await db.knex.raw(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'ws_mig' AND table_name = ? ORDER BY ordinal_position`, [table]);
  return (rows as { column_name: string }[]).map((row) => row.column_name);
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.knex.raw(sql)).rows as Record<string, unknown>[];
}

/** Two unrelated objects; `fields` gives the names of object a's fields x and y. */
function pair(first: string, second: string, fields: [string, string] = ['x', 'y']): Blueprint {
  return {
    label: label('pair'),
    objects: [
      { id: 'a', name: first, label: label('a'), fields: [field('x', 'text', { name: fields[0] }), field('y', 'text', { name: fields[1] })] },
      { id: 'b', name: second, label: label('b'), fields: [field('z', 'text')] },
    ],
  };
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
    expect(await columns('people')).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id', 'version', 'deleted_at',
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
  // Regressions found by migrate.property.test.ts.
  it('swaps the names of two objects, and of two fields, keeping their data', async () => {
    await createWorkspace(db.knex, 'swap', pair('alpha', 'beta'), actor);
    await db.knex.raw(`INSERT INTO ws_swap.alpha (x, y) VALUES ('1', '2')`);
    await db.knex.raw(`INSERT INTO ws_swap.beta (z) VALUES ('3')`);
    await applyMigration(db.knex, 'swap', pair('beta', 'alpha', ['y', 'x']), { actor });
    expect(await rows('SELECT x, y FROM ws_swap.beta')).toEqual([{ x: '2', y: '1' }]);
    expect(await rows('SELECT z FROM ws_swap.alpha')).toEqual([{ z: '3' }]);
  });

  it('keeps many_to_one links when the target object is renamed, also across an archive of the field', async () => {
    const renamed = (name: string, withTeam = true): Blueprint => {
      const blueprint = teamsBlueprint();
      blueprint.objects[0]!.name = name;
      const fields = blueprint.objects[1]!.fields;
      fields.find((candidate) => candidate.id === 'team')!.relation!.target = name;
      if (!withTeam) fields.splice(fields.findIndex((candidate) => candidate.id === 'team'), 1);
      return blueprint;
    };
    await createWorkspace(db.knex, 'links', teamsBlueprint(), actor);
    await db.knex.raw(`INSERT INTO ws_links.teams (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'core')`);
    await db.knex.raw(`INSERT INTO ws_links.people (name, team) VALUES ('王伟', '00000000-0000-4000-8000-000000000001')`);
    const result = await applyMigration(db.knex, 'links', renamed('squads'), { actor });
    expect(result.plan.steps.filter((step) => step.kind === 'alter_field')).toEqual([]);
    expect(await rows('SELECT team FROM ws_links.people')).toEqual([{ team: '00000000-0000-4000-8000-000000000001' }]);
    await applyMigration(db.knex, 'links', renamed('squads', false), { actor });
    await applyMigration(db.knex, 'links', renamed('crews', false), { actor });
    await applyMigration(db.knex, 'links', renamed('crews'), { actor });
    expect(await rows('SELECT team FROM ws_links.people')).toEqual([{ team: '00000000-0000-4000-8000-000000000001' }]);
  });

  it('restores an object and renames or removes its fields in the same change', async () => {
    await createWorkspace(db.knex, 'revive', pair('alpha', 'beta'), actor);
    await db.knex.raw(`INSERT INTO ws_revive.alpha (x, y) VALUES ('1', '2')`);
    const without = pair('alpha', 'beta');
    without.objects.splice(0, 1);
    await applyMigration(db.knex, 'revive', without, { actor });
    const back = pair('gamma', 'beta', ['w', 'y']);
    back.objects[0]!.fields.pop();
    await applyMigration(db.knex, 'revive', back, { actor });
    expect(await rows('SELECT w FROM ws_revive.gamma')).toEqual([{ w: '1' }]);
    await applyMigration(db.knex, 'revive', pair('gamma', 'beta', ['w', 'y']), { actor });
    expect(await rows('SELECT w, y FROM ws_revive.gamma')).toEqual([{ w: '1', y: '2' }]);
  });

  it('keeps empty values empty when a single select becomes a multi select', async () => {
    const statusTo = (type: 'single_select' | 'multi_select') => withPeople(teamsBlueprint(), (fields) => {
      const status = fields.find((candidate) => candidate.id === 'status')!;
      status.type = type;
      if (type === 'multi_select') delete status.default;
    });
    await createWorkspace(db.knex, 'multi', statusTo('single_select'), actor);
    await db.knex.raw(`INSERT INTO ws_multi.people (name, status) VALUES ('王伟', 'gone'), ('李娜', NULL)`);
    await applyMigration(db.knex, 'multi', statusTo('multi_select'), { actor });
    expect(await rows('SELECT name, status FROM ws_multi.people ORDER BY name DESC')).toEqual([{ name: '王伟', status: ['gone'] }, { name: '李娜', status: null }]);
  });

  it('refuses a new unique required field without a value, instead of failing on the column it did not add', async () => {
    await createWorkspace(db.knex, 'badge', teamsBlueprint(), actor);
    await db.knex.raw(`INSERT INTO ws_badge.people (name) VALUES ('王伟')`);
    const next = withPeople(teamsBlueprint(), (fields) => { fields.push(field('badge', 'text', { required: true, unique: true })); });
    const plan = await planMigration(db.knex, 'badge', next, { actor });
    expect(plan.applicable).toBe(false);
    await expect(applyMigration(db.knex, 'badge', next, { actor })).rejects.toMatchObject({ code: 'MIGRATION_REFUSED' });
    await applyMigration(db.knex, 'badge', next, { actor, conversions: { 'people.badge': { onInvalid: 'set_value', value: 'b-1' } } });
    expect(await rows('SELECT badge FROM ws_badge.people')).toEqual([{ badge: 'b-1' }]);
  });

  it('keeps question marks and backslashes in defaults, patterns, autonumbers and conversion values', async () => {
    const odd = `why? it's a\\? '?'`;
    const withOdd = (required: boolean) => withPeople(teamsBlueprint(), (fields) => {
      fields.push(field('note', 'text', { default: odd, pattern: '^[a-z?\\\\ \'\\\\]*$' }));
      fields.push(field('ticket', 'autonumber', { autonumber: { pattern: 'Q?{0000}' } }));
      fields.push(field('answer', 'text', { required }));
    });
    await createWorkspace(db.knex, 'marks', teamsBlueprint(), actor);
    await db.knex.raw(`INSERT INTO ws_marks.people (name) VALUES ('王伟')`);
    await applyMigration(db.knex, 'marks', withOdd(false), { actor });
    await applyMigration(db.knex, 'marks', withOdd(true), { actor, conversions: { 'people.answer': { onInvalid: 'set_value', value: 'what?' } } });
    await db.knex.raw(`INSERT INTO ws_marks.people (name, answer) VALUES ('李娜', 'x')`);
    expect(await rows('SELECT name, note, ticket, answer FROM ws_marks.people ORDER BY name DESC')).toEqual([
      { name: '王伟', note: odd, ticket: 'Q?0001', answer: 'what?' },
      { name: '李娜', note: odd, ticket: 'Q?0002', answer: 'x' },
    ]);
  });

  it('counts texts shaped like dates that are no dates when a text field becomes a date', async () => {
    const dayAs = (type: 'text' | 'date') => withPeople(teamsBlueprint(), (fields) => { fields.push(field('day', type)); });
    await createWorkspace(db.knex, 'days', dayAs('text'), actor);
    await db.knex.raw(`INSERT INTO ws_days.people (name, day) VALUES ('a', '2024-02-29'), ('b', '2024-02-30'), ('c', '2023-13-01'), ('d', NULL)`);
    const plan = await planMigration(db.knex, 'days', dayAs('date'), { actor });
    const step = plan.steps.find((candidate) => candidate.kind === 'alter_field');
    expect(step?.kind === 'alter_field' && step.checks[0]?.violations).toBe(2);
    expect(plan.applicable).toBe(false);
    await applyMigration(db.knex, 'days', dayAs('date'), { actor, conversions: { 'people.day': { onInvalid: 'set_null' } } });
    expect(await rows('SELECT name, day FROM ws_days.people ORDER BY name')).toEqual([
      { name: 'a', day: '2024-02-29' }, { name: 'b', day: null }, { name: 'c', day: null }, { name: 'd', day: null },
    ]);
  });

  it('converts only the texts that are not integers when a text field becomes an integer', async () => {
    const codeAs = (type: 'text' | 'integer') => withPeople(teamsBlueprint(), (fields) => { fields.push(field('code2', type)); });
    await createWorkspace(db.knex, 'digits', codeAs('text'), actor);
    await db.knex.raw(`INSERT INTO ws_digits.people (name, code2) VALUES ('a', '6'), ('b', ' -12 '), ('c', 'x?'), ('d', NULL)`);
    await applyMigration(db.knex, 'digits', codeAs('integer'), { actor, conversions: { 'people.code2': { onInvalid: 'set_value', value: 0 } } });
    expect(await rows('SELECT name, code2 FROM ws_digits.people ORDER BY name')).toEqual([
      { name: 'a', code2: 6 }, { name: 'b', code2: -12 }, { name: 'c', code2: 0 }, { name: 'd', code2: null },
    ]);
  });
});
