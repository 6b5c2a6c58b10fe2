import type { Knex } from 'knex';
import { validateBlueprint, type Blueprint } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { platformSchema } from '../db/index.js';
import type { Conversions, MigrationPlan, PlanStep, StepClass } from './plan-types.js';
import { planMigrationSteps } from './plan-migration.js';
import { countStepChecks } from './count-check.js';
import { runStep, type StepContext } from './run-step.js';
import { lockWorkspace, loadSchemaState, type WorkspaceRow } from './load-schema-state.js';
import { auditTable } from './physical-names.js';
import type { KeyRing } from '../personal/index.js';

/** Options of a plan or an apply. */
export interface MigrateOptions {
  conversions?: Conversions;
  actor: string;
  /** How the audit log names the actor (an email); the actor id when absent. */
  actorLabel?: string;
  /** Refuse with BLUEPRINT_CONFLICT unless the workspace is still at this version. */
  expectedVersion?: number;
  comment?: string;
  /** The deployment's key ring: needed when the change encrypts, decrypts or fills encrypted values (Tessera passes its own). */
  keys?: KeyRing;
}

/** The outcome of an apply: the new version and the plan that was run. */
export interface MigrationResult {
  version: number;
  plan: MigrationPlan;
}

class DryRunRollback extends Error {}

function summarise(steps: PlanStep[]): Record<StepClass, number> {
  const summary: Record<StepClass, number> = { safe: 0, checked: 0, destructive: 0 };
  for (const step of steps) summary[step.class] += 1;
  return summary;
}

/**
 * SQLSTATEs a step meets because of what the workspace holds, not because of a fault: data that
 * does not convert or fit (classes 22, 23), or a table, column or constraint already there under a
 * name the plan needs (created outside Tessera). Such an apply is refused (409), like a failed check.
 */
const conflictStates = /^(22|23)[0-9A-Z]{3}$|^(42P07|42701|42710)$/;

function isConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && conflictStates.test(code);
}

/**
 * Runs every step in its own savepoint, counting checks just before their step. Returns how many
 * steps are blocked: by violations without a conversion, or by an error (kept in `step.error`).
 * Once one is blocked, the rest still runs, only to finish the report: the transaction will be
 * rolled back. Until then, an apply lets a fault (not a conflict) through: an internal error.
 * Counts share the savepoint: after a blocked step, one may meet a column that step did not add.
 */
async function runSteps(context: StepContext, steps: PlanStep[], conversions: Conversions, dryRun: boolean): Promise<number> {
  let blocked = 0;
  for (const step of steps) {
    try {
      const resolved = await context.trx.transaction(async (savepoint) => {
        if (!(await countStepChecks(savepoint, context.schema, step, conversions))) return false;
        await runStep({ ...context, trx: savepoint }, step);
        return true;
      });
      if (!resolved) blocked += 1;
    } catch (error) {
      if (!dryRun && blocked === 0 && !isConflict(error)) throw error;
      step.error = error instanceof Error ? error.message : String(error);
      blocked += 1;
    }
  }
  return blocked;
}

async function recordVersion(trx: Knex, workspace: WorkspaceRow, blueprint: Blueprint, steps: PlanStep[], options: MigrateOptions): Promise<number> {
  const version = workspace.blueprint_version + 1;
  await trx(`${platformSchema}.blueprint_versions`).insert({
    workspace_id: workspace.id, version, blueprint: JSON.stringify(blueprint), steps: JSON.stringify(publicSteps(steps)),
    applied_by: options.actor, comment: options.comment ?? null,
  });
  await trx(`${platformSchema}.workspaces`).where({ id: workspace.id }).update({ blueprint: JSON.stringify(blueprint), blueprint_version: version, updated_at: trx.fn.now() });
  // Document changes are audited with record changes, in the same transaction as the change.
  await trx.withSchema(workspace.schema_name).table(auditTable).insert({
    actor_id: options.actor, actor_label: options.actorLabel ?? options.actor, action: 'blueprint.apply',
    details: JSON.stringify({ version, comment: options.comment ?? null, steps: steps.map((step) => step.kind) }),
  });
  return version;
}

/** Steps as clients see them: without the SQL predicates behind checks. */
export function publicSteps(steps: PlanStep[]): PlanStep[] {
  return steps.map((step) => {
    const strip = <T extends { predicate?: string }>(check: T) => ({ ...check, predicate: undefined });
    if (step.kind === 'alter_field') return { ...step, checks: step.checks.map(strip) } as PlanStep;
    if ((step.kind === 'add_field' || step.kind === 'create_index') && step.check) return { ...step, check: strip(step.check) } as PlanStep;
    return step;
  });
}

async function migrateInTransaction(knex: Knex, slug: string, document: unknown, options: MigrateOptions, dryRun: boolean): Promise<MigrationResult> {
  const blueprint = validateBlueprint(document);
  return knex.transaction(async (trx) => {
    const workspace = await lockWorkspace(trx, slug);
    if (!workspace) throw new TesseraError('NOT_FOUND', { what: `workspace ${slug}` });
    if (options.expectedVersion !== undefined && options.expectedVersion !== workspace.blueprint_version) {
      throw new TesseraError('BLUEPRINT_CONFLICT', { current: workspace.blueprint_version });
    }
    const state = await loadSchemaState(trx, workspace);
    const steps = planMigrationSteps(state, blueprint);
    const context: StepContext = {
      trx, schema: state.schema, workspaceId: workspace.id, version: workspace.blueprint_version + 1, timezone: blueprint.timezone ?? 'Asia/Shanghai', dryRun,
      ...(options.keys ? { keys: options.keys } : {}),
    };
    const blocked = await runSteps(context, steps, options.conversions ?? {}, dryRun);
    const plan: MigrationPlan = { fromVersion: workspace.blueprint_version, steps: publicSteps(steps), applicable: blocked === 0, summary: summarise(steps) };
    if (dryRun) throw Object.assign(new DryRunRollback(), { plan });
    if (blocked > 0) throw new TesseraError('MIGRATION_REFUSED', { count: blocked }, { details: { plan } });
    return { version: await recordVersion(trx, workspace, blueprint, steps, options), plan };
  });
}

/** Dry run: executes the migration in a transaction that is always rolled back, and reports. */
export async function planMigration(knex: Knex, slug: string, document: unknown, options: MigrateOptions): Promise<MigrationPlan> {
  try {
    await migrateInTransaction(knex, slug, document, options, true);
  } catch (error) {
    if (error instanceof DryRunRollback) return (error as DryRunRollback & { plan: MigrationPlan }).plan;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/** Applies a blueprint: the whole plan in one transaction, recorded as a new version. */
export async function applyMigration(knex: Knex, slug: string, document: unknown, options: MigrateOptions): Promise<MigrationResult> {
  return migrateInTransaction(knex, slug, document, options, false);
}
