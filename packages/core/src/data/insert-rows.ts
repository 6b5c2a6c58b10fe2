import type { Knex } from 'knex';
import type { ObjectAccess } from '../access/index.js';
import type { ObjectModel } from '../documents/index.js';
import { beforeRowsSql, changeSetSql, oldRowJoin, stampColumns, stampValues } from '../audit/index.js';
import { auditTable, columnType, outboxTable, qualified, quoteIdent } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { rowScope } from './row-scope.js';
import { sealRows } from './seal-rows.js';

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

/** The recordset's column types: a field's own, uuid for id, text for owner_id and blind indexes. */
function recordsetDefinition(object: ObjectModel, columns: string[]): string {
  return columns.map((column) => {
    const field = object.fields.get(column);
    return `${quoteIdent(column)} ${column === 'id' ? 'uuid' : field ? columnType(field) : 'text'}`;
  }).join(', ');
}

/**
 * The write statement: the batch travels as one jsonb parameter expanded by jsonb_to_recordset;
 * an upsert reads the rows it will change first (`before`, the statement's snapshot) and may only
 * change rows inside the caller's row rule; each written row appends its outbox event and its
 * audit entry (old → new per field) in the same statement. Names invented here start with `_`,
 * which no field name can.
 */
function writeStatement(context: DataContext, access: ObjectAccess, given: string[], plain: Record<string, unknown>[], upsertKey: string | undefined, answer: string): { sql: string; bindings: unknown[] } {
  const object = access.object;
  const { columns, rows } = sealRows(context.keys, object, given, plain);
  const table = qualified(context.schema, object.name);
  const list = columns.map(quoteIdent).join(', ');
  const ownerDefault = !columns.includes('owner_id');
  const bindings: unknown[] = [];
  let conflict = '';
  if (upsertKey !== undefined) {
    const updates = columns.filter((column) => column !== upsertKey && column !== 'id').map((column) => `${quoteIdent(column)} = EXCLUDED.${quoteIdent(column)}`);
    const scope = rowScope(context, access, 't');
    conflict = `ON CONFLICT (${quoteIdent(upsertKey)}) WHERE deleted_at IS NULL DO UPDATE SET ${[
      ...updates, 'version = t.version + 1', 'updated_at = now()', 'updated_by = EXCLUDED.updated_by',
    ].join(', ')}${scope ? ` WHERE ${scope.sql}` : ''}`;
    bindings.push(...(scope?.bindings ?? []));
  }
  const before = upsertKey === undefined ? '' : `before AS MATERIALIZED (${beforeRowsSql(table, upsertKey, ' AND t.deleted_at IS NULL')}),`;
  const keyColumn = upsertKey === undefined ? '' : `, t.${quoteIdent(upsertKey)} AS _key`;
  // The audit log names the fields written, never their blind indexes (they tell equal values apart).
  // Records written in system mode (seeds, imports, syncs) belong to nobody until assigned.
  const owner = context.access.principal.kind === 'system' ? null : context.actor;
  const audited = ownerDefault && owner !== null ? [...given, 'owner_id'] : given;
  const sql = `WITH input AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(${recordsetDefinition(object, columns)})),
    ${before}
    written AS (
      INSERT INTO ${table} AS t (${list}, created_by, updated_by${ownerDefault ? ', owner_id' : ''})
      SELECT ${list}, ?, ?${ownerDefault ? ', ?' : ''} FROM input
      ${conflict}
      RETURNING t.*, (t.xmax = 0) AS _inserted${keyColumn}),
    events AS (
      INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
      SELECT ?, id, CASE WHEN _inserted THEN 'record.created' ELSE 'record.updated' END, jsonb_build_object('version', version), ? FROM written),
    audit AS (
      INSERT INTO ${qualified(context.schema, auditTable)} (${stampColumns}, action, object, record_id, changes)
      SELECT ?, ?, ?, ?, ?, CASE WHEN w._inserted THEN 'record.create' ELSE 'record.update' END, ?, w.id,
        ${changeSetSql(object, audited, upsertKey !== undefined, 'w')}
      FROM written w${upsertKey === undefined ? '' : ` ${oldRowJoin('w')}`})
    ${answer}`;
  const actor = context.actor;
  return { sql, bindings: [JSON.stringify(rows), actor, actor, ...(ownerDefault ? [owner] : []), ...bindings, object.name, actor, ...stampValues(context.stamp), object.name] };
}

/**
 * Inserts (or upserts on a unique key) rows that all set the same columns, in one statement.
 * Columns a row does not set take their defaults; owner_id defaults to the acting user (none in system mode).
 * Answers one row per written record (callers that need ids: many_to_many links, row checks).
 * An upserted row that exists outside the caller's row rule is not written (and not answered).
 */
export async function insertRows(trx: Knex, context: DataContext, access: ObjectAccess, columns: string[], rows: Record<string, unknown>[], upsertKey?: string): Promise<WrittenRow[]> {
  const answer = `SELECT id::text AS id, _inserted AS inserted${upsertKey === undefined ? '' : ', _key AS key'} FROM written`;
  const statement = writeStatement(context, access, columns, rows, upsertKey, answer);
  const result = await trx.raw(statement.sql, statement.bindings as never[]);
  return result.rows as WrittenRow[];
}

/** insertRows answering only two counts: cheaper when nobody needs the ids back. */
export async function insertRowsCounting(trx: Knex, context: DataContext, access: ObjectAccess, columns: string[], rows: Record<string, unknown>[], upsertKey?: string): Promise<WrittenCounts> {
  const answer = 'SELECT (count(*) FILTER (WHERE _inserted))::int AS created, (count(*) FILTER (WHERE NOT _inserted))::int AS updated FROM written';
  const statement = writeStatement(context, access, columns, rows, upsertKey, answer);
  const result = await trx.raw(statement.sql, statement.bindings as never[]);
  return (result.rows as WrittenCounts[])[0]!;
}
