import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import { openTestDatabase } from '../testing/index.js';
import { applyMigration, createWorkspace, planMigration, workspaceSchemaName, type Conversions, type MigrationPlan } from './index.js';
import { compareWithModel } from '../../test/migration-model/checksums.js';
import { addRows, insertRows, renderBlueprint, type Model } from '../../test/migration-model/model.js';
import { predict } from '../../test/migration-model/predict.js';
import { actionArbitrary, initialModel, initialSpecArbitrary, resolveChange, type Action, type InitialSpec } from '../../test/migration-model/random-changes.js';
import { createRng } from '../../test/migration-model/rng.js';

// Random blueprints filled with rows, then random changes: after each apply, every kept column
// (by field id) and every archived one must hold exactly what the model says, checked by checksum.

const actor = 'property';
let db: Database;
let runs = 0;

/** One run: its own workspace, the model it should match, and what happened so far (for the report). */
interface Scenario {
  slug: string;
  model: Model;
  log: string[];
}

function fail(scenario: Scenario, message: string): never {
  throw new Error(`${message}\nscenario ${scenario.slug}:\n  ${scenario.log.join('\n  ')}`);
}

async function compare(scenario: Scenario, when: string): Promise<void> {
  const problems = await compareWithModel(db.knex, scenario.slug, scenario.model);
  if (problems.length > 0) fail(scenario, `${when}:\n  ${problems.join('\n  ')}`);
}

function describeError(error: unknown): string {
  if (!(error instanceof TesseraError)) return String(error);
  const plan = (error.details as { plan?: MigrationPlan } | undefined)?.plan;
  const steps = (plan?.steps ?? []).flatMap((step) => {
    const checks = step.kind === 'alter_field' ? step.checks : 'check' in step && step.check ? [step.check] : [];
    const broken = checks.filter((check) => check.violations > 0 && !check.conversion).map((check) => `${check.rule} x${check.violations}`);
    return broken.length > 0 || step.error ? [`${step.kind} ${step.object}.${step.field ?? ''} ${broken.join(', ')} ${step.error ?? ''}`] : [];
  });
  return `${error.code} ${steps.join('; ')}`;
}

async function attempt(scenario: Scenario, blueprint: unknown, conversions: Conversions): Promise<unknown> {
  return applyMigration(db.knex, scenario.slug, blueprint, { actor, conversions }).then(() => undefined, (error: unknown) => error);
}

async function start(spec: InitialSpec): Promise<Scenario> {
  const scenario: Scenario = { slug: `prop_${++runs}`, model: initialModel(spec), log: [] };
  const { model } = scenario;
  await createWorkspace(db.knex, scenario.slug, renderBlueprint(model), actor);
  model.version = 1;
  const rng = createRng(spec.seed + 1);
  for (const [index, object] of model.objects.entries()) {
    await insertRows(db.knex, workspaceSchemaName(scenario.slug), object, addRows(model, object, spec.objects[index]!.rows, rng, 0.08));
  }
  const shape = renderBlueprint(model).objects.map((object) => `${object.name}(${object.fields.map((field) => `${field.name}:${field.type}`).join(', ')})`);
  scenario.log.push(`create ${shape.join(' ')} with ${model.objects.map((object) => object.rowIds.length).join('+')} rows`);
  await compare(scenario, 'after the first fill');
  return scenario;
}

async function insert(scenario: Scenario, action: Extract<Action, { kind: 'insert' }>): Promise<void> {
  if (scenario.model.objects.length === 0) return;
  const rng = createRng(action.seed);
  const object = rng.pick(scenario.model.objects);
  await insertRows(db.knex, workspaceSchemaName(scenario.slug), object, addRows(scenario.model, object, action.count, rng, 0));
  scenario.log.push(`insert ${action.count} rows into ${object.name}`);
  await compare(scenario, 'after inserting rows');
}

/** A refused change: the dry run says so, the apply answers MIGRATION_REFUSED, and nothing changed. */
async function expectRefusal(scenario: Scenario, blueprint: unknown, conversions: Conversions, reasons: string[], what: string): Promise<void> {
  const plan = await planMigration(db.knex, scenario.slug, blueprint, { actor, conversions });
  if (plan.applicable) fail(scenario, `${what}: the dry run calls the change applicable; expected a refusal: ${reasons.join('; ')}`);
  await compare(scenario, `after the dry run of ${what}`);
  const error = await attempt(scenario, blueprint, conversions);
  if (error === undefined) fail(scenario, `${what}: applied; expected a refusal: ${reasons.join('; ')}`);
  if (!(error instanceof TesseraError && error.code === 'MIGRATION_REFUSED')) fail(scenario, `${what}: expected MIGRATION_REFUSED, got ${describeError(error)}`);
  await compare(scenario, `after the refused ${what}`);
}

/** A blueprint change: first without conversions (refused when a check needs one), then with them. */
async function change(scenario: Scenario, action: Extract<Action, { kind: 'change' }>): Promise<void> {
  const resolved = resolveChange(scenario.model, action);
  if (!resolved) return;
  scenario.log.push(`apply: ${resolved.log.join(' + ')} ${JSON.stringify(resolved.conversions)}`);
  const blueprint = renderBlueprint(resolved.next);
  const bare = predict(scenario.model, resolved.next, new Map());
  if (bare.outcome === 'refused') {
    await expectRefusal(scenario, blueprint, {}, bare.reasons, 'change without conversions');
    if (Object.keys(resolved.conversions).length === 0) return;
  }
  const expectation = bare.outcome === 'applied' ? bare : predict(scenario.model, resolved.next, resolved.conversionsById);
  if (expectation.outcome === 'refused') return expectRefusal(scenario, blueprint, resolved.conversions, expectation.reasons, 'change with conversions');
  const error = await attempt(scenario, blueprint, resolved.conversions);
  if (error !== undefined) fail(scenario, `expected the change to apply, got ${describeError(error)}`);
  scenario.model = expectation.model;
  await compare(scenario, 'after applying');
}

describe('migrations keep data (property)', () => {
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db?.close());

  it('keeps every kept value, converts only as asked, restores archived data intact, and changes nothing when refused', async () => {
    const scenario = async (spec: InitialSpec, actions: Action[]) => {
      const run = await start(spec);
      for (const action of actions) await (action.kind === 'insert' ? insert(run, action) : change(run, action));
    };
    await fc.assert(fc.asyncProperty(initialSpecArbitrary, fc.array(actionArbitrary, { minLength: 1, maxLength: 8 }), scenario), {
      numRuns: 40,
      // Shrinking replays whole scenarios: stop it in time to still report the smallest counterexample found.
      interruptAfterTimeLimit: 200_000,
    });
  }, 300_000);
});
