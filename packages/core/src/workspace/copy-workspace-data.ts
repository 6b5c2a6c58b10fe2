import type { Knex } from 'knex';
import { joinTableName, type BlueprintModel } from '../documents/index.js';
import { consentsTable, qualified, quoteIdent } from '../schema/index.js';
import { foreignKeys, insertableColumns, sequenceOwners, tableExists } from './schema-catalog.js';

/**
 * Tables of a workspace schema that hold data but belong to no object (every workspace has them).
 * The outbox and the audit log are never copied: a clone starts its own history.
 */
const extraDataTables = [consentsTable];

/** The tables a copy carries, in the source schema: object tables, their join tables, extras present. */
async function dataTables(trx: Knex, from: string, model: BlueprintModel): Promise<string[]> {
  const tables: string[] = [];
  for (const object of model.objects.values()) {
    tables.push(object.name);
    for (const field of object.definition.fields) {
      if (field.relation?.kind === 'many_to_many') tables.push(joinTableName(object.name, field.name));
    }
  }
  for (const table of extraDataTables) if (await tableExists(trx, from, table)) tables.push(table);
  return tables;
}

/** Copies every row of one table, all columns both sides have, in one statement; returns the count. */
async function copyRows(trx: Knex, from: string, to: string, table: string): Promise<number> {
  const sourceColumns = new Set(await insertableColumns(trx, from, table));
  const columns = (await insertableColumns(trx, to, table)).filter((column) => sourceColumns.has(column)).map(quoteIdent).join(', ');
  const result = await trx.raw(`INSERT INTO ${qualified(to, table)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${qualified(from, table)}`) as { rowCount: number };
  return Number(result.rowCount);
}

/** Moves the copied tables' sequences (autonumbers, serial ids) to where the source's stand. */
async function copySequencePositions(trx: Knex, from: string, to: string, tables: Set<string>): Promise<void> {
  const inSource = new Set((await sequenceOwners(trx, from)).map((owner) => owner.sequence));
  for (const { sequence, table } of await sequenceOwners(trx, to)) {
    if ((table !== null && !tables.has(table)) || !inSource.has(sequence)) continue;
    await trx.raw(`SELECT setval(?::regclass, last_value, is_called) FROM ${qualified(from, sequence)}`, [qualified(to, sequence)]);
  }
}

/**
 * Copies a workspace's records into a fresh workspace made from the same blueprint: every row of
 * every object table (ids, timestamps, versions and deleted rows included), the many_to_many join
 * tables and the extra data tables, with INSERT … SELECT between the two schemas in the caller's
 * transaction. Foreign keys are dropped for the copy and added back after it (as pg_restore does),
 * so tables that reference each other need no order; adding them back checks every row again.
 * Sequences are then set to the source's positions: the next autonumber follows the copied ones.
 * Returns the number of rows copied per table.
 */
export async function copyWorkspaceData(trx: Knex, from: string, to: string, model: BlueprintModel): Promise<Record<string, number>> {
  const tables = await dataTables(trx, from, model);
  const keys = await foreignKeys(trx, to);
  for (const key of keys) await trx.raw(`ALTER TABLE ${qualified(to, key.table)} DROP CONSTRAINT ${quoteIdent(key.name)}`);
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const table of tables) counts[table] = await copyRows(trx, from, to, table);
  // The definition comes from the catalog (validated names only); `?` would read as a placeholder.
  for (const key of keys) await trx.raw(`ALTER TABLE ${qualified(to, key.table)} ADD CONSTRAINT ${quoteIdent(key.name)} ${key.definition.replace(/\?/g, '\\?')}`);
  await copySequencePositions(trx, from, to, new Set(tables));
  return counts;
}
