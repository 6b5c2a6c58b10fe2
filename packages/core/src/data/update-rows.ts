import type { Knex } from 'knex';
import type { ObjectModel } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { columnType, outboxTable, qualified, quoteIdent } from '../schema/index.js';

/**
 * Updates rows by id that all set the same columns, in one statement (jsonb_to_recordset), with an
 * outbox event per row. A row carrying `version` is only updated if it still has that version.
 * Throws NOT_FOUND unless every row was updated, so the caller's transaction rolls back.
 */
export async function updateRows(
  trx: Knex, schema: string, object: ObjectModel, columns: string[], rows: Record<string, unknown>[], actor: string,
): Promise<number> {
  const set = columns.filter((column) => column !== 'id' && column !== 'version').map((column) => `${quoteIdent(column)} = x.${quoteIdent(column)}`);
  const definition = columns.map((column) => `${quoteIdent(column)} ${column === 'id' ? 'uuid' : column === 'version' ? 'integer' : columnType(object.fields.get(column)!)}`).join(', ');
  const table = qualified(schema, object.name);
  const { rows: written } = await trx.raw(`WITH written AS (
      UPDATE ${table} AS t SET ${[...set, 'version = t.version + 1', 'updated_at = now()', 'updated_by = ?'].join(', ')}
      FROM jsonb_to_recordset(?::jsonb) AS x(${definition})
      WHERE t.id = x.id AND t.deleted_at IS NULL ${columns.includes('version') ? 'AND (x.version IS NULL OR t.version = x.version)' : ''}
      RETURNING t.id, t.version),
    events AS (INSERT INTO ${qualified(schema, outboxTable)} (object, record_id, type, payload, actor)
      SELECT ?, id, 'record.updated', jsonb_build_object('version', version), ? FROM written)
    SELECT count(*)::int AS n FROM written`, [actor, JSON.stringify(rows), object.name, actor]);
  const count = (written as { n: number }[])[0]?.n ?? 0;
  if (count !== rows.length) throw new TesseraError('NOT_FOUND', { what: `${rows.length - count} of the records to update (missing, deleted or changed since read)` });
  return count;
}
