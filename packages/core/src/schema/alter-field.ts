import { hasColumn, joinTableName } from '../documents/index.js';
import type { Conversion, PlanStep, StepCheck } from './plan-types.js';
import type { StepContext } from './run-step.js';
import { columnDefaultSql, columnType } from './column-sql.js';
import { qualified, quoteIdent, sqlLiteral } from './sql-identifiers.js';
import { convertEncryptedRows } from './encryption-steps.js';

type AlterStep = Extract<PlanStep, { kind: 'alter_field' }>;

function conversionSql(context: StepContext, conversion: Conversion, column: string, step: AlterStep): string {
  if (conversion.onInvalid === 'set_null') return 'NULL';
  if (conversion.onInvalid === 'truncate') {
    const limit = /^varchar\((\d+)\)$/.exec(columnType(step.after))?.[1] ?? String(step.after.maxLength ?? 255);
    return step.after.type === 'date' ? column : `left(${column}::text, ${limit})`;
  }
  return sqlLiteral(conversion.value);
}

/** Applies the chosen conversion to the rows that violate one check (before the type changes). */
async function convert(context: StepContext, step: AlterStep, check: StepCheck): Promise<void> {
  if (!check.conversion || check.violations === 0) return;
  const table = qualified(context.schema, step.table);
  if (!hasColumn(step.after)) {
    await context.trx.raw(`DELETE FROM ${qualified(context.schema, joinTableName(step.object, step.after.name))}`);
    return;
  }
  if (step.after.encrypted === true) return convertEncryptedRows(context, step, check);
  const column = quoteIdent(step.after.name);
  await context.trx.raw(`UPDATE ${table} SET ${column} = ${conversionSql(context, check.conversion, column, step)} WHERE ${check.predicate}`);
}

/** Changes a column: conversions first, then type, nullability and default. */
export async function alterField(context: StepContext, step: AlterStep): Promise<void> {
  for (const check of step.checks) await convert(context, step, check);
  if (!hasColumn(step.after)) return;
  const table = qualified(context.schema, step.table);
  const column = quoteIdent(step.after.name);
  const alter = (clause: string) => context.trx.raw(`ALTER TABLE ${table} ALTER COLUMN ${column} ${clause}`);
  await alter('DROP DEFAULT');
  if (step.retype) await alter(`TYPE ${columnType(step.after)} USING ${step.retype.using}`);
  else if (columnType(step.before) !== columnType(step.after)) await alter(`TYPE ${columnType(step.after)}`);
  const defaultSql = columnDefaultSql(context.schema, step.objectId, step.after, context.timezone);
  if (defaultSql !== undefined) await alter(`SET DEFAULT ${defaultSql}`);
  await alter(step.after.required || step.after.type === 'autonumber' ? 'SET NOT NULL' : 'DROP NOT NULL');
}
