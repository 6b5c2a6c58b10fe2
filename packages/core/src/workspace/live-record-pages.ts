import type { Knex } from 'knex';
import { joinTableName, type ObjectModel } from '../documents/index.js';
import { qualified, quoteIdent } from '../schema/index.js';

/** Rows per page: a page is one statement and one chunk of an export, whatever the table's size. */
export const exportPageSize = 1000;

/**
 * The live rows of an object's table, every column but hidden ones (named `_…`: archived fields,
 * blind indexes), with each many_to_many field as the array of linked ids, in pages ordered by id. Each page is
 * its own statement (keyset on the primary key), so no connection is held while a slow reader
 * consumes a page: on PGlite, one connection serves the whole process.
 */
export async function* liveRecordPages(knex: Knex, schema: string, object: ObjectModel, pageSize = exportPageSize): AsyncGenerator<Record<string, unknown>[]> {
  const links = object.definition.fields.filter((field) => field.relation?.kind === 'many_to_many').map((field) => (
    `, (SELECT coalesce(array_agg(j.target_id::text ORDER BY j.target_id), '{}') FROM ${qualified(schema, joinTableName(object.name, field.name))} j WHERE j.source_id = t.id) AS ${quoteIdent(field.name)}`
  )).join('');
  const select = `SELECT t.*${links} FROM ${qualified(schema, object.name)} t WHERE t.deleted_at IS NULL`;
  let after: string | undefined;
  for (;;) {
    const sql = `${select}${after === undefined ? '' : ' AND t.id > ?'} ORDER BY t.id LIMIT ${pageSize}`;
    const { rows } = await knex.raw(sql, after === undefined ? [] : [after]) as { rows: Record<string, unknown>[] };
    if (rows.length === 0) return;
    for (const row of rows) {
      for (const column of Object.keys(row)) if (column.startsWith('_')) delete row[column];
    }
    yield rows;
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!.id);
  }
}
