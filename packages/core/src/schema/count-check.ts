import type { Knex } from 'knex';
import type { Conversions, PlanStep, StepCheck } from './plan-types.js';
import { indexColumn } from './desired-constraints.js';
import { qualified, quoteIdent } from './sql-identifiers.js';
import { joinTableName } from '../documents/index.js';

const exampleCount = 5;

function checksOf(step: PlanStep): StepCheck[] {
  if (step.kind === 'alter_field') return step.checks;
  if ((step.kind === 'add_field' || step.kind === 'create_index') && step.check) return [step.check];
  return [];
}

async function countRows(trx: Knex, from: string, where: string, column: string): Promise<Pick<StepCheck, 'violations' | 'examples'>> {
  const [count] = (await trx.raw(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`)).rows as { n: number }[];
  const examples = (await trx.raw(`SELECT id::text AS id, ${column} AS value FROM ${from} WHERE ${where} ORDER BY id LIMIT ${exampleCount}`)).rows as StepCheck['examples'];
  return { violations: count?.n ?? 0, examples };
}

async function countDuplicates(trx: Knex, table: string, columns: string[]): Promise<Pick<StepCheck, 'violations' | 'examples'>> {
  const list = columns.map(quoteIdent).join(', ');
  const notNull = columns.map((column) => `${quoteIdent(column)} IS NOT NULL`).join(' AND ');
  const groups = `SELECT ${list}, count(*) AS n FROM ${table} WHERE deleted_at IS NULL AND ${notNull} GROUP BY ${list} HAVING count(*) > 1`;
  const [count] = (await trx.raw(`SELECT count(*)::int AS n FROM (${groups}) d`)).rows as { n: number }[];
  const rows = (await trx.raw(`${groups} ORDER BY n DESC LIMIT ${exampleCount}`)).rows as Record<string, unknown>[];
  return { violations: count?.n ?? 0, examples: rows.map((row) => ({ id: '', value: columns.length === 1 ? row[columns[0]!] : columns.map((column) => row[column]) })) };
}

async function countCheck(trx: Knex, schema: string, step: PlanStep, check: StepCheck): Promise<Pick<StepCheck, 'violations' | 'examples'>> {
  if (step.kind === 'create_index') return countDuplicates(trx, qualified(schema, step.table), step.columns.map((column) => indexColumn(column).name));
  if (step.kind === 'add_field') return countRows(trx, qualified(schema, step.table), check.predicate, 'NULL');
  if (step.kind !== 'alter_field') return { violations: 0, examples: [] };
  if (step.after.relation?.kind === 'many_to_many') {
    return countRows(trx, qualified(schema, joinTableName(step.object, step.after.name)), 'true', 'target_id');
  }
  return countRows(trx, qualified(schema, step.table), `(${check.predicate})`, quoteIdent(step.after.name));
}

/**
 * Counts the rows a step's checks would break, in the state the earlier steps left, and attaches
 * the caller's conversion for the field when the check accepts it. Returns false when violations
 * remain without an accepted conversion.
 */
export async function countStepChecks(trx: Knex, schema: string, step: PlanStep, conversions: Conversions): Promise<boolean> {
  let resolved = true;
  for (const check of checksOf(step)) {
    Object.assign(check, await countCheck(trx, schema, step, check));
    const conversion = conversions[`${step.object}.${step.field ?? ''}`];
    if (conversion && check.accepts.includes(conversion.onInvalid)) check.conversion = conversion;
    if (check.violations > 0 && !check.conversion) resolved = false;
  }
  return resolved;
}
