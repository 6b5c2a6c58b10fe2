import type { Knex } from 'knex';
import { joinTableName } from '../documents/index.js';
import type { PlanStep } from './plan-types.js';
import { platformSchema } from '../db/index.js';
import { archivedName, indexName } from './physical-names.js';
import { indexColumn } from './desired-constraints.js';
import { createJoinTable, createObjectTable, columnSql } from './create-table.js';
import { alterField } from './alter-field.js';
import { qualified, quoteIdent, sqlLiteral } from './sql-identifiers.js';
import type { KeyRing } from '../personal/index.js';
import { encryptedColumn, sealValue } from './encrypted-storage.js';
import { addBlindIndexColumn, decryptField, encryptField, finishEncryptedStorage, requireKeys } from './encryption-steps.js';

/** What a step needs to know about where it runs. */
export interface StepContext {
  trx: Knex;
  schema: string;
  workspaceId: number;
  version: number;
  timezone: string;
  /** The deployment's key ring: steps that encrypt, decrypt or fill encrypted values need it. */
  keys?: KeyRing;
  /** True in a plan's dry run (rolled back): steps may skip work nothing after them reads. */
  dryRun?: boolean;
}

async function insertArchive(context: StepContext, row: { kind: string; objectId: string; fieldId?: string; definition: object }): Promise<string> {
  const [inserted] = await context.trx(`${platformSchema}.archives`).insert({
    workspace_id: context.workspaceId, kind: row.kind, object_id: row.objectId, field_id: row.fieldId ?? null,
    physical_name: '', definition: JSON.stringify(row.definition), archived_in_version: context.version,
  }).returning('id');
  const name = archivedName(Number((inserted as { id: number }).id));
  await context.trx(`${platformSchema}.archives`).where({ id: (inserted as { id: number }).id }).update({ physical_name: name });
  return name;
}

async function renameTable(context: StepContext, from: string, to: string): Promise<void> {
  await context.trx.raw(`ALTER TABLE ${qualified(context.schema, from)} RENAME TO ${quoteIdent(to)}`);
}

async function archiveObject(context: StepContext, step: Extract<PlanStep, { kind: 'archive_object' }>): Promise<void> {
  const { table, definition, objectId } = step;
  const hidden = await insertArchive(context, { kind: 'object', objectId, definition: {} });
  const joinTables: Record<string, string> = {};
  for (const field of definition.fields.filter((candidate) => candidate.relation?.kind === 'many_to_many')) {
    joinTables[field.id] = `${hidden}_${Object.keys(joinTables).length}`;
    await renameTable(context, joinTableName(table, field.name), joinTables[field.id]!);
  }
  await renameTable(context, table, hidden);
  await context.trx(`${platformSchema}.archives`).where({ physical_name: hidden, workspace_id: context.workspaceId })
    .update({ definition: JSON.stringify({ object: definition, joinTables, targetIds: step.targetIds ?? {} }) });
}

async function restoreObject(context: StepContext, step: Extract<PlanStep, { kind: 'restore_object' }>): Promise<void> {
  const [archive] = await context.trx(`${platformSchema}.archives`).where({ id: step.archiveId }).select('definition');
  const joinTables = ((archive as { definition: { joinTables?: Record<string, string> } } | undefined)?.definition.joinTables) ?? {};
  await renameTable(context, step.physicalName, step.definition.name);
  for (const field of step.definition.fields) {
    const hidden = joinTables[field.id];
    if (hidden) await renameTable(context, hidden, joinTableName(step.definition.name, field.name));
  }
  await context.trx(`${platformSchema}.archives`).where({ id: step.archiveId }).delete();
}

async function archiveField(context: StepContext, step: Extract<PlanStep, { kind: 'archive_field' }>): Promise<void> {
  const hidden = await insertArchive(context, { kind: 'field', objectId: step.objectId, fieldId: step.before.id, definition: { field: step.before, targetIds: step.targetIds ?? {} } });
  if (step.joinTable) return renameTable(context, step.joinTable, hidden);
  const table = qualified(context.schema, step.table);
  await context.trx.raw(`ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(step.column)} TO ${quoteIdent(hidden)}`);
  await context.trx.raw(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(hidden)} DROP NOT NULL, ALTER COLUMN ${quoteIdent(hidden)} DROP DEFAULT`);
}

async function restoreField(context: StepContext, step: Extract<PlanStep, { kind: 'restore_field' }>): Promise<void> {
  if (step.joinTable) await renameTable(context, step.physicalName, step.joinTable);
  else await context.trx.raw(`ALTER TABLE ${qualified(context.schema, step.table)} RENAME COLUMN ${quoteIdent(step.physicalName)} TO ${quoteIdent(step.after.name)}`);
  await context.trx(`${platformSchema}.archives`).where({ id: step.archiveId }).delete();
}

/** Adds a column; an encrypted field also gets its blind index, and a fill value goes in encrypted. */
async function addField(context: StepContext, step: Extract<PlanStep, { kind: 'add_field' }>): Promise<void> {
  const table = qualified(context.schema, step.table);
  const conversion = step.check?.conversion;
  const encrypted = step.after.encrypted === true;
  if (encrypted) await addBlindIndexColumn(context.trx, context.schema, step.table, step.objectId, step.after);
  if (conversion?.onInvalid === 'set_value') {
    // Existing rows take the conversion's value; new rows then get the field's own default (or none).
    const column = encryptedColumn(step.objectId, step.after);
    const sealed = encrypted ? sealValue(requireKeys(context), column, String(conversion.value)) : undefined;
    const fill = sqlLiteral(sealed ? sealed.envelope : conversion.value);
    await context.trx.raw(`ALTER TABLE ${table} ADD COLUMN ${columnSql(context.schema, step.objectId, { ...step.after, required: false, default: undefined }, context.timezone)} DEFAULT ${fill}`);
    await context.trx.raw(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(step.after.name)} DROP DEFAULT`);
    await context.trx.raw(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(step.after.name)} SET NOT NULL`);
    if (sealed) await context.trx.raw(`UPDATE ${table} SET ${quoteIdent(column.indexColumn)} = ?`, [sealed.index]);
  } else {
    await context.trx.raw(`ALTER TABLE ${table} ADD COLUMN ${columnSql(context.schema, step.objectId, step.after, context.timezone)}`);
  }
  if (encrypted) await finishEncryptedStorage(context.trx, context.schema, step.table, step.objectId, step.after);
}

async function createIndex(context: StepContext, step: Extract<PlanStep, { kind: 'create_index' }>): Promise<void> {
  const columns = step.columns.map(indexColumn).map((column) => `${quoteIdent(column.name)}${column.descending ? ' DESC NULLS LAST' : ''}`).join(', ');
  const partial = step.unique ? ' WHERE deleted_at IS NULL' : '';
  await context.trx.raw(`CREATE ${step.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(step.index)} ON ${qualified(context.schema, step.table)} (${columns})${partial}`);
}

/** Executes one plan step inside the migration's transaction. */
export async function runStep(context: StepContext, step: PlanStep): Promise<void> {
  const { trx, schema } = context;
  switch (step.kind) {
    case 'create_object': return createObjectTable(trx, schema, step.definition, context.timezone);
    case 'rename_object': return renameTable(context, step.from, step.to);
    case 'rename_join_table': return renameTable(context, step.from, step.to);
    case 'archive_object': return archiveObject(context, step);
    case 'restore_object': return restoreObject(context, step);
    case 'add_field': return addField(context, step);
    case 'rename_field':
      await trx.raw(`ALTER TABLE ${qualified(schema, step.table)} RENAME COLUMN ${quoteIdent(step.from)} TO ${quoteIdent(step.to)}`);
      return;
    case 'archive_field': return archiveField(context, step);
    case 'restore_field': return restoreField(context, step);
    case 'alter_field': return alterField(context, step);
    case 'encrypt_field': return encryptField(context, step);
    case 'decrypt_field': return decryptField(context, step);
    case 'create_join_table': return createJoinTable(trx, schema, step.table, step.object, step.target, indexName(step.objectId, [step.fieldId ?? step.table, 'target'], false));
    case 'drop_foreign_key':
      await trx.raw(`ALTER TABLE ${qualified(schema, step.table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(step.constraint)}`);
      return;
    case 'add_foreign_key':
      await trx.raw(`ALTER TABLE ${qualified(schema, step.table)} ADD CONSTRAINT ${quoteIdent(step.constraint)} FOREIGN KEY (${quoteIdent(step.column)}) REFERENCES ${qualified(schema, step.target)}(id) ON DELETE ${step.onDelete}`);
      return;
    case 'drop_index':
      await trx.raw(`DROP INDEX IF EXISTS ${qualified(schema, step.index)}`);
      return;
    case 'create_index': return createIndex(context, step);
    case 'create_sequence':
      await trx.raw(`CREATE SEQUENCE IF NOT EXISTS ${qualified(schema, step.sequence)}`);
      return;
  }
}
