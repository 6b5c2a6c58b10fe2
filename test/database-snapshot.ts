import type { Database } from '../packages/core/src/index.js';

type Knex = Database['knex'];

/** Everything a failed write or apply must leave as it was, read straight from PostgreSQL. */
export interface DatabaseSnapshot {
  columns: unknown[];
  indexes: unknown[];
  constraints: unknown[];
  sequences: unknown[];
  rows: Record<string, { count: number; checksum: string | null }>;
  platform: { workspace: unknown; versions: unknown[]; archives: unknown[] };
}

async function rowsOf(knex: Knex, sql: string, bindings: (string | number)[]): Promise<Record<string, unknown>[]> {
  return (await knex.raw(sql, bindings)).rows as Record<string, unknown>[];
}

/**
 * Snapshots a workspace: its columns, indexes, constraints and sequences (catalog), a checksum of
 * every row of every table (data, outbox and archived tables included) and its platform rows
 * (blueprint, versions, archives). Two snapshots are equal exactly when nothing changed.
 */
export async function snapshotWorkspace(knex: Knex, slug: string): Promise<DatabaseSnapshot> {
  const [workspace] = await rowsOf(knex, 'SELECT id, slug, schema_name, blueprint, blueprint_version, created_at, updated_at FROM tessera.workspaces WHERE slug = ?', [slug]);
  if (!workspace) throw new Error(`no workspace ${slug}`);
  const schema = String(workspace.schema_name);
  const tables = await rowsOf(knex, `SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name`, [schema]);
  const rows: DatabaseSnapshot['rows'] = {};
  for (const { table_name: table } of tables) {
    const [summary] = await rowsOf(knex, `SELECT count(*)::int AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS checksum FROM "${schema}"."${String(table)}" t`, []);
    rows[String(table)] = summary as { count: number; checksum: string | null };
  }
  return {
    columns: await rowsOf(knex, `SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position`, [schema]),
    indexes: await rowsOf(knex, 'SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY tablename, indexname', [schema]),
    constraints: await rowsOf(knex, `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ? ORDER BY 1, 2`, [schema]),
    sequences: await rowsOf(knex, 'SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = ? ORDER BY sequence_name', [schema]),
    rows,
    platform: {
      workspace,
      versions: await rowsOf(knex, 'SELECT * FROM tessera.blueprint_versions WHERE workspace_id = ? ORDER BY version', [Number(workspace.id)]),
      archives: await rowsOf(knex, 'SELECT * FROM tessera.archives WHERE workspace_id = ? ORDER BY id', [Number(workspace.id)]),
    },
  };
}
