import type { Knex } from 'knex';
import { quoteIdent } from './sql-identifiers.js';

/** Rows read and written per statement when a column's values are rewritten in Node. */
export const rewriteBatchRows = 1_000;

/** One stored value as read for a rewrite. */
export interface StoredValue {
  id: string;
  value: string;
}

/** One row's new value (and blind index); `old` makes the write conditional on the value still being that. */
export interface RewrittenValue {
  id: string;
  value: string | null;
  index?: string | null;
  old?: string;
}

/**
 * The next batch (`limit` rows) of non-null values of `column` after row id `after`, in id order
 * (deleted rows included: they hold personal data too). `where` narrows it further (bound values only).
 */
export async function readValueBatch(
  knex: Knex, table: string, column: string, after: string | undefined, where?: { sql: string; bindings: unknown[] }, limit = rewriteBatchRows,
): Promise<StoredValue[]> {
  const conditions = [`${quoteIdent(column)} IS NOT NULL`, ...(after === undefined ? [] : ['id > ?']), ...(where ? [where.sql] : [])];
  const { rows } = await knex.raw(
    `SELECT id::text AS id, ${quoteIdent(column)} AS value FROM ${table} WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT ${Math.trunc(limit)}`,
    [...(after === undefined ? [] : [after]), ...(where?.bindings ?? [])] as never[],
  );
  return rows as StoredValue[];
}

/**
 * Writes a batch in one statement (UPDATE … FROM jsonb_to_recordset): the column, and the blind
 * index column when given. With `guarded`, a row is only written if the column still holds its
 * `old` value, so a concurrent change wins. Answers how many rows were written.
 */
export async function writeValueBatch(knex: Knex, table: string, column: string, indexColumn: string | undefined, rows: RewrittenValue[], guarded = false): Promise<number> {
  if (rows.length === 0) return 0;
  const set = [`${quoteIdent(column)} = x.v`, ...(indexColumn ? [`${quoteIdent(indexColumn)} = x.b`] : [])];
  const records = rows.map((row) => ({ id: row.id, v: row.value, b: row.index ?? null, o: row.old ?? null }));
  const result = await knex.raw(
    `UPDATE ${table} AS t SET ${set.join(', ')} FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, v text, b text, o text)
     WHERE t.id = x.id${guarded ? ` AND t.${quoteIdent(column)} = x.o` : ''}`,
    [JSON.stringify(records)],
  ) as { rowCount?: number | null };
  return Number(result.rowCount ?? 0);
}

/**
 * Rewrites every non-null value of a column in batches, in the caller's transaction (which must
 * hold the table: the migration steps take it with their DDL first). `transform` answers the new
 * value and index, or undefined to leave a row as it is. Answers how many rows were read.
 */
export async function rewriteValues(trx: Knex, table: string, column: string, indexColumn: string | undefined, transform: (stored: StoredValue) => RewrittenValue | undefined): Promise<number> {
  let read = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await readValueBatch(trx, table, column, after);
    if (batch.length === 0) return read;
    read += batch.length;
    const rewritten = batch.map(transform).filter((row): row is RewrittenValue => row !== undefined);
    await writeValueBatch(trx, table, column, indexColumn, rewritten);
    if (batch.length < rewriteBatchRows) return read;
    after = batch[batch.length - 1]!.id;
  }
}

/** How many rows hold a value in a column. */
export async function countValues(knex: Knex, table: string, column: string): Promise<number> {
  const { rows } = await knex.raw(`SELECT count(*)::int AS n FROM ${table} WHERE ${quoteIdent(column)} IS NOT NULL`);
  return Number((rows as { n: number }[])[0]?.n ?? 0);
}
