import type { FieldError } from '../errors/index.js';
import { TesseraError } from '../errors/index.js';
import { stampColumns, stampValues } from '../audit/index.js';
import { auditTable, columnType, outboxTable, qualified, quoteIdent } from '../schema/index.js';
import type { ObjectModel } from '../documents/index.js';
import type { DataContext } from './data-context.js';
import { validateRecord } from './record-validators.js';
import { requireInScope } from './require-in-scope.js';
import { sealRows } from './seal-rows.js';
import { canCopy, copyRows } from './copy-rows.js';
import { translateWriteError } from './translate-write-error.js';

declare const validated: unique symbol;

/** A new record that passed validateCreate: insertImported takes only these, so it need not validate again. */
export type ValidatedCreate = Record<string, unknown> & { readonly [validated]: true };

/** Validates a new record (with its id) for insertImported: the record, typed as validated, or its errors. */
export function validateCreate(object: ObjectModel, record: Record<string, unknown>): { record: ValidatedCreate } | { errors: FieldError[] } {
  const errors = validateRecord(object, record, 'create');
  return errors.length > 0 ? { errors } : { record: record as ValidatedCreate };
}

/** What a bulk creation is, for its one audit entry and its one event (an import's id and batch). */
export interface BulkNote {
  action: string;
  details: Record<string, unknown>;
}

/** The batch's one audit entry, naming every record created (the `written` rows). */
const bulkAuditSql = (context: DataContext) => `INSERT INTO ${qualified(context.schema, auditTable)} (${stampColumns}, action, object, record_id, details)
  SELECT ?, ?, ?, ?, ?, ?, ?, NULL, ?::jsonb || jsonb_build_object('created', jsonb_agg(id), 'count', count(*)) FROM written`;

/**
 * Inserts validated new records (each with its id) in one statement, with one audit entry and one
 * outbox event for the whole batch instead of one per record: the write pipeline's bulk-creation
 * path, for imports. The entry names every id created (`details.created`, indexed, so a record's
 * history finds it); the event (`records.created`) carries the ids for consumers. Fields a record
 * leaves out take their default; the owner is the acting user (nobody in system mode). Records must
 * fall inside the caller's row rule, or nothing is written (ROW_FORBIDDEN).
 */
export async function insertImported(context: DataContext, objectName: string, records: ValidatedCreate[], note: BulkNote): Promise<void> {
  const access = context.access.object(objectName, 'create');
  context.access.object(objectName, 'import');
  if (records.length === 0) return;
  const object = access.object;
  const given = [...new Set(records.flatMap((record) => Object.keys(record)))];
  access.requireWritable(Object.fromEntries(given.map((column) => [column, true])));
  const defaults = given.map((column) => object.fields.get(column)?.default ?? null);
  const filled = records.map((record) => {
    const row: Record<string, unknown> = {};
    for (let index = 0; index < given.length; index += 1) row[given[index]!] = record[given[index]!] ?? defaults[index];
    return row;
  });
  const { columns, rows } = sealRows(context.keys, object, given, filled);
  const ownerDefault = !columns.includes('owner_id');
  const owner = context.access.principal.kind === 'system' ? null : context.actor;
  const ids = records.map((record) => record.id as string);
  if (ids.some((id) => typeof id !== 'string')) throw new TesseraError('BAD_REQUEST', { reason: 'every imported record needs its id' });
  const table = qualified(context.schema, object.name);
  const stamps = { created_by: context.actor, updated_by: context.actor, ...(ownerDefault ? { owner_id: owner } : {}) };
  try {
    if (canCopy(context.knex)) {
      await copyRows(context.knex, table, columns, rows, stamps);
      await context.knex.raw(`WITH written AS (SELECT id FROM unnest(?::uuid[]) AS x(id)),
        events AS (INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
          SELECT ?, NULL, 'records.created', ?::jsonb || jsonb_build_object('ids', jsonb_agg(id)), ? FROM written)
        ${bulkAuditSql(context)}`, [ids, object.name, JSON.stringify(note.details), context.actor, ...stampValues(context.stamp), note.action, object.name, JSON.stringify(note.details)]);
    } else {
      const definition = columns.map((column) => `${quoteIdent(column)} ${column === 'id' ? 'uuid' : object.fields.get(column) ? columnType(object.fields.get(column)!) : 'text'}`).join(', ');
      const list = [...columns, ...Object.keys(stamps)].map(quoteIdent).join(', ');
      await context.knex.raw(`WITH written AS (
          INSERT INTO ${table} (${list})
          SELECT x.*, ${Object.keys(stamps).map(() => '?').join(', ')} FROM jsonb_to_recordset(?::jsonb) AS x(${definition})
          RETURNING id),
        events AS (INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
          SELECT ?, NULL, 'records.created', ?::jsonb || jsonb_build_object('ids', jsonb_agg(id)), ? FROM written)
        ${bulkAuditSql(context)}`, [
        ...Object.values(stamps), JSON.stringify(rows),
        object.name, JSON.stringify(note.details), context.actor,
        ...stampValues(context.stamp), note.action, object.name, JSON.stringify(note.details),
      ] as never[]);
    }
  } catch (error) {
    throw translateWriteError(error, context.model);
  }
  await requireInScope(context.knex, context, access, ids);
}
