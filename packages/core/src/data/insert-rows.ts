import type { Knex } from 'knex';
import type { ObjectModel } from '../documents/index.js';
import { columnType, outboxTable, qualified, quoteIdent } from '../schema/index.js';

/** A row written by insertRows: its id, whether it was new, and its upsert key value. */
export interface WrittenRow {
  id: string;
  inserted: boolean;
  key?: unknown;
}

/** How many rows one statement inserted and updated. */
export interface WrittenCounts {
  created: number;
  updated: number;
}

function recordsetDefinition(object: ObjectModel, columns: string[]): string {
  return columns.map((column) => `${quoteIdent(column)} ${column === 'id' ? 'uuid' : columnType(object.fields.get(column)!)}`).join(', ');
}

function writeStatement(schema: string, object: ObjectModel, columns: string[], upsertKey: string | undefined, answer: string): string {
  const table = qualified(schema, object.name);
  const list = columns.map(quoteIdent).join(', ');
  const updates = columns.filter((column) => column !== upsertKey && column !== 'id').map((column) => `${quoteIdent(column)} = EXCLUDED.${quoteIdent(column)}`);
  const conflict = upsertKey === undefined ? '' : `ON CONFLICT (${quoteIdent(upsertKey)}) WHERE deleted_at IS NULL DO UPDATE SET ${[
    ...updates, `version = ${table}.version + 1`, 'updated_at = now()', 'updated_by = EXCLUDED.updated_by',
  ].join(', ')}`;
  const keyColumn = upsertKey === undefined ? '' : `, ${quoteIdent(upsertKey)} AS key`;
  return `WITH written AS (
      INSERT INTO ${table} (${list}, created_by, updated_by)
      SELECT ${list}, ?, ? FROM jsonb_to_recordset(?::jsonb) AS x(${recordsetDefinition(object, columns)})
      ${conflict}
      RETURNING id, (xmax = 0) AS inserted, version${keyColumn}),
    events AS (
      INSERT INTO ${qualified(schema, outboxTable)} (object, record_id, type, payload, actor)
      SELECT ?, id, CASE WHEN inserted THEN 'record.created' ELSE 'record.updated' END, jsonb_build_object('version', version), ? FROM written)
    ${answer}`;
}

/**
 * Inserts (or upserts on a unique key) rows that all set the same columns, in one statement:
 * the batch travels as one jsonb parameter expanded by jsonb_to_recordset, and each written row
 * appends its outbox event in the same statement. Columns a row does not set take their defaults.
 * Answers one row per written record (callers that need ids, e.g. to link many_to_many).
 */
export async function insertRows(
  trx: Knex, schema: string, object: ObjectModel, columns: string[], rows: Record<string, unknown>[], actor: string, upsertKey?: string,
): Promise<WrittenRow[]> {
  const answer = `SELECT id::text AS id, inserted${upsertKey === undefined ? '' : ', key'} FROM written`;
  const result = await trx.raw(writeStatement(schema, object, columns, upsertKey, answer), [actor, actor, JSON.stringify(rows), object.name, actor]);
  return result.rows as WrittenRow[];
}

/** insertRows answering only two counts: cheaper when nobody needs the ids back. */
export async function insertRowsCounting(
  trx: Knex, schema: string, object: ObjectModel, columns: string[], rows: Record<string, unknown>[], actor: string, upsertKey?: string,
): Promise<WrittenCounts> {
  const answer = 'SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written';
  const result = await trx.raw(writeStatement(schema, object, columns, upsertKey, answer), [actor, actor, JSON.stringify(rows), object.name, actor]);
  return (result.rows as WrittenCounts[])[0]!;
}
