import type { Knex } from 'knex';

/** A foreign key of a table, as PostgreSQL would write its definition. */
export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** A sequence of a schema and the table that owns it (a serial column), if any. */
export interface SequenceOwner {
  sequence: string;
  table: string | null;
}

async function rows<T>(knex: Knex, sql: string, bindings: readonly Knex.RawBinding[]): Promise<T[]> {
  return ((await knex.raw(sql, bindings)) as { rows: T[] }).rows;
}

/** Whether a table exists in a schema. */
export async function tableExists(knex: Knex, schema: string, table: string): Promise<boolean> {
  return (await rows(knex, 'SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?', [schema, table])).length > 0;
}

/** The columns of a table that an INSERT may name (not dropped, not generated), in order. */
export async function insertableColumns(knex: Knex, schema: string, table: string): Promise<string[]> {
  const found = await rows<{ name: string }>(knex, `SELECT a.attname AS name FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`, [schema, table]);
  return found.map((column) => column.name);
}

/** Every foreign key of the tables of a schema. */
export async function foreignKeys(knex: Knex, schema: string): Promise<ForeignKey[]> {
  return rows<ForeignKey>(knex, `SELECT t.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ? AND k.contype = 'f' ORDER BY t.relname, k.conname`, [schema]);
}

/** Every sequence of a schema with its owning table (null for a free-standing one, such as an autonumber's). */
export async function sequenceOwners(knex: Knex, schema: string): Promise<SequenceOwner[]> {
  return rows<SequenceOwner>(knex, `SELECT s.relname AS sequence, owner.relname AS "table"
    FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
    LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    LEFT JOIN pg_class owner ON owner.oid = d.refobjid
    WHERE n.nspname = ? AND s.relkind = 'S' ORDER BY s.relname`, [schema]);
}
