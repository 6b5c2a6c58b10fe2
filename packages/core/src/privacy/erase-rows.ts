import type { Knex } from 'knex';
import { beforeRowsSql, changeSetSql, oldRowJoin, stampColumns, stampValues } from '../audit/index.js';
import { sealRows, type DataContext } from '../data/index.js';
import type { Field, ObjectModel } from '../documents/index.js';
import { auditTable, columnType, outboxTable, qualified, quoteIdent } from '../schema/index.js';

/** One record's anonymised values: null for optional fields, a placeholder for required ones. */
export interface ErasureRow {
  id: string;
  values: Record<string, string | null>;
}

/** A record an erasure changed, and which of its fields. */
export interface ErasedRecord {
  object: string;
  id: string;
  fields: string[];
}

/**
 * Writes the anonymised values of some records of one object in one statement, as every record
 * write does: version bumped, updated_at and updated_by set, a `record.updated` outbox event and
 * an audit entry per record — action `privacy.erase`, changes `{field: true}` (personal values
 * never reach the log). Answers the records and fields that changed.
 */
export async function eraseRows(trx: Knex, context: DataContext, object: ObjectModel, fields: readonly Field[], rows: readonly ErasureRow[]): Promise<ErasedRecord[]> {
  if (rows.length === 0) return [];
  const table = qualified(context.schema, object.name);
  const names = fields.map((field) => field.name);
  // Encrypted fields are written sealed, with their blind-index columns, as every write does.
  const sealed = sealRows(context.keys, object, names, rows.map((row) => ({ ...row.values })));
  const typeOf = (column: string) => { const field = object.fields.get(column); return field ? columnType(field) : 'text'; };
  const definition = ['id uuid', ...sealed.columns.map((column) => `${quoteIdent(column)} ${typeOf(column)}`)].join(', ');
  const set = sealed.columns.map((name) => `${quoteIdent(name)} = x.${quoteIdent(name)}`);
  const { rows: changed } = await trx.raw(`WITH input AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(${definition})),
    before AS MATERIALIZED (${beforeRowsSql(table, 'id')}),
    written AS (
      UPDATE ${table} AS t SET ${[...set, 'version = t.version + 1', 'updated_at = now()', 'updated_by = ?'].join(', ')}
      FROM input AS x WHERE t.id = x.id
      RETURNING t.*),
    diff AS (SELECT w.id, w.version, ${changeSetSql(object, names, true, 'w')} AS changes FROM written w ${oldRowJoin('w')}),
    events AS (INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
      SELECT ?, id, 'record.updated', jsonb_build_object('version', version), ? FROM diff),
    audit AS (INSERT INTO ${qualified(context.schema, auditTable)} (${stampColumns}, action, object, record_id, changes)
      SELECT ?, ?, ?, ?, ?, 'privacy.erase', ?, id, changes FROM diff)
    SELECT id::text AS id, changes FROM diff`,
  [JSON.stringify(sealed.rows.map((values, index) => ({ ...values, id: rows[index]!.id }))), context.actor, object.name, context.actor, ...stampValues(context.stamp), object.name] as never[]);
  return (changed as { id: string; changes: Record<string, unknown> }[])
    .map((row) => ({ object: object.name, id: row.id, fields: Object.keys(row.changes).sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
