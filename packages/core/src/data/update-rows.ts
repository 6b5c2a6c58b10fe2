import type { Knex } from 'knex';
import type { ObjectAccess } from '../access/index.js';
import { beforeRowsSql, changeSetSql, oldRowJoin, stampColumns, stampValues } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { auditTable, columnType, outboxTable, qualified, quoteIdent } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { rowScope } from './row-scope.js';
import { sealRows } from './seal-rows.js';

function columnDefinition(access: ObjectAccess, column: string): string {
  if (column === 'id') return 'uuid';
  if (column === 'version') return 'integer';
  const field = access.object.fields.get(column);
  // owner_id and the blind indexes of encrypted fields.
  return field ? columnType(field) : 'text';
}

/**
 * Updates rows by id that all set the same columns, in one statement (jsonb_to_recordset), only
 * where the caller's row rule allows, with an outbox event and an audit entry (old → new) per
 * row. A row carrying `version` is only updated if it still has that version. Throws NOT_FOUND
 * unless every row was updated, so the caller's transaction rolls back. Answers the updated ids.
 */
export async function updateRows(trx: Knex, context: DataContext, access: ObjectAccess, given: string[], plain: Record<string, unknown>[]): Promise<string[]> {
  const { columns, rows } = sealRows(context.keys, access.object, given, plain);
  const changed = columns.filter((column) => column !== 'id' && column !== 'version');
  // The audit log names the fields written, never their blind indexes.
  const audited = given.filter((column) => column !== 'id' && column !== 'version');
  const set = changed.map((column) => `${quoteIdent(column)} = x.${quoteIdent(column)}`);
  const definition = columns.map((column) => `${quoteIdent(column)} ${columnDefinition(access, column)}`).join(', ');
  const table = qualified(context.schema, access.object.name);
  const scope = rowScope(context, access, 't');
  const { rows: written } = await trx.raw(`WITH input AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(${definition})),
    before AS MATERIALIZED (${beforeRowsSql(table, 'id')}),
    written AS (
      UPDATE ${table} AS t SET ${[...set, 'version = t.version + 1', 'updated_at = now()', 'updated_by = ?'].join(', ')}
      FROM input AS x
      WHERE t.id = x.id AND t.deleted_at IS NULL ${columns.includes('version') ? 'AND (x.version IS NULL OR t.version = x.version)' : ''}${scope ? ` AND ${scope.sql}` : ''}
      RETURNING t.*),
    events AS (INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
      SELECT ?, id, 'record.updated', jsonb_build_object('version', version), ? FROM written),
    audit AS (INSERT INTO ${qualified(context.schema, auditTable)} (${stampColumns}, action, object, record_id, changes)
      SELECT ?, ?, ?, ?, ?, 'record.update', ?, w.id, ${changeSetSql(access.object, audited, true, 'w')} FROM written w ${oldRowJoin('w')})
    SELECT id::text AS id FROM written`,
  [JSON.stringify(rows), context.actor, ...(scope?.bindings ?? []), access.object.name, context.actor, ...stampValues(context.stamp), access.object.name] as never[]);
  const ids = (written as { id: string }[]).map((row) => row.id);
  if (ids.length !== rows.length) throw new TesseraError('NOT_FOUND', { what: `${rows.length - ids.length} of the records to update (missing, deleted, outside your rows or changed since read)` });
  return ids;
}
