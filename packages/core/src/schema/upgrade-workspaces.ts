import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import { workspaceUpkeepStatements } from './create-table.js';
import { qualified } from './sql-identifiers.js';

/**
 * Brings workspaces made by an earlier version up to date when the engine opens: the workspace-wide
 * tables they lack (audit, consents, saved views) and the owner_id system column of every object
 * table (tables with a deleted_at column; join tables have none). Every statement is idempotent;
 * the caller holds the platform's lock.
 */
export async function upgradeWorkspaces(trx: Knex): Promise<void> {
  const schemas = await trx(`${platformSchema}.workspaces`).pluck('schema_name') as string[];
  for (const schema of schemas) {
    for (const statement of workspaceUpkeepStatements(schema)) await trx.raw(statement);
  }
  const { rows } = await trx.raw(`SELECT c.table_schema AS schema, c.table_name AS table FROM information_schema.columns c
    WHERE c.column_name = 'deleted_at' AND c.table_schema = ANY(?) AND c.table_name !~ '^_'
      AND NOT EXISTS (SELECT 1 FROM information_schema.columns o WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name AND o.column_name = 'owner_id')`, [schemas]);
  for (const row of rows as { schema: string; table: string }[]) await trx.raw(`ALTER TABLE ${qualified(row.schema, row.table)} ADD COLUMN owner_id text`);
}
