import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { TesseraError, fieldError, throwIfErrors, type FieldError } from '../errors/index.js';
import { columnType, qualified, quoteIdent } from '../schema/index.js';
import type { ObjectModel } from '../documents/index.js';
import { objectOf, type DataContext } from './data-context.js';
import { validateRecord } from './record-validators.js';
import { splitRecord } from './column-values.js';
import { insertRows } from './insert-rows.js';
import { setLinks } from './set-links.js';
import { runWrite } from './run-write.js';

/** How a bulk request writes: insert all, update by id, or insert-or-update by a unique key. */
export type BulkMode = 'create' | 'update' | 'upsert';

/** What a bulk write did. */
export interface BulkResult {
  created: number;
  updated: number;
}

/** Most records in one bulk request, and in one statement. */
export const maxBulkRecords = 100_000;
const statementRows = 5_000;

function groupByColumns(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const signature = Object.keys(row).sort().join(',');
    const group = groups.get(signature) ?? [];
    group.push(row);
    groups.set(signature, group);
  }
  return groups;
}

function checkKey(object: ObjectModel, mode: BulkMode, key: string | undefined): void {
  if (mode !== 'upsert') return;
  const field = key === undefined ? undefined : object.fields.get(key);
  if (!field?.unique || field.type === 'autonumber') throw new TesseraError('BAD_REQUEST', { reason: `an upsert needs "key": the name of a unique field of ${object.name}` });
}

function validateAll(object: ObjectModel, records: unknown[], mode: BulkMode, key: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<unknown, number>();
  records.forEach((record, index) => {
    const found = validateRecord(object, record, mode === 'update' ? 'patch' : 'create', `/records/${index}`);
    if (mode === 'update' && !found.length && typeof (record as { id?: unknown }).id !== 'string') found.push(fieldError(`/records/${index}/id`, 'required'));
    errors.push(...found.slice(0, 20));
    const keyName = mode === 'update' ? 'id' : key;
    const value = keyName === undefined ? undefined : (record as Record<string, unknown>)?.[keyName];
    if (value !== undefined && value !== null) {
      if (seen.has(value)) errors.push(fieldError(`/records/${index}/${keyName}`, 'duplicate_item'));
      seen.set(value, index);
    }
  });
  return errors;
}

async function updateRows(trx: Knex, context: DataContext, object: ObjectModel, columns: string[], rows: Record<string, unknown>[]): Promise<number> {
  const set = columns.filter((column) => column !== 'id' && column !== 'version').map((column) => `${quoteIdent(column)} = x.${quoteIdent(column)}`);
  const definition = columns.map((column) => `${quoteIdent(column)} ${column === 'id' ? 'uuid' : column === 'version' ? 'integer' : columnType(object.fields.get(column)!)}`).join(', ');
  const table = qualified(context.schema, object.name);
  const { rows: written } = await trx.raw(`WITH written AS (
      UPDATE ${table} AS t SET ${[...set, 'version = t.version + 1', 'updated_at = now()', 'updated_by = ?'].join(', ')}
      FROM jsonb_to_recordset(?::jsonb) AS x(${definition})
      WHERE t.id = x.id AND t.deleted_at IS NULL ${columns.includes('version') ? 'AND (x.version IS NULL OR t.version = x.version)' : ''}
      RETURNING t.id, t.version),
    events AS (INSERT INTO ${qualified(context.schema, '_outbox')} (object, record_id, type, payload, actor)
      SELECT ?, id, 'record.updated', jsonb_build_object('version', version), ? FROM written)
    SELECT count(*)::int AS n FROM written`, [context.actor, JSON.stringify(rows), object.name, context.actor]);
  const count = (written as { n: number }[])[0]?.n ?? 0;
  if (count !== rows.length) throw new TesseraError('NOT_FOUND', { what: `${rows.length - count} of the records to update (missing, deleted or changed since read)` });
  return count;
}

/**
 * Writes many records of one object in one transaction, all or nothing: every record is
 * validated first (errors point at /records/<index>/<field>), then rows are written in batches.
 */
export async function bulkWrite(context: DataContext, objectName: string, mode: BulkMode, records: unknown, key?: string): Promise<BulkResult> {
  const object = objectOf(context, objectName);
  if (!Array.isArray(records)) throw new TesseraError('BAD_REQUEST', { reason: '"records" must be an array' });
  if (records.length > maxBulkRecords) throw new TesseraError('BAD_REQUEST', { reason: `at most ${maxBulkRecords} records per request` });
  checkKey(object, mode, key);
  throwIfErrors(validateAll(object, records, mode, key));
  const split = (records as Record<string, unknown>[]).map((record) => splitRecord(object, record, 'recordset'));
  return runWrite(context, async (trx) => {
    const result: BulkResult = { created: 0, updated: 0 };
    const links = new Map<string, Map<string, string[]>>();
    const hasLinks = split.some((part) => part.links.size > 0);
    for (const part of split) {
      if (mode === 'create' && part.columns.id === undefined) part.columns.id = randomUUID();
    }
    for (const [signature, rows] of groupByColumns(split.map((part) => part.columns))) {
      const columns = signature.split(',');
      for (let start = 0; start < rows.length; start += statementRows) {
        const batch = rows.slice(start, start + statementRows);
        if (mode === 'update') {
          result.updated += await updateRows(trx, context, object, columns, batch);
          continue;
        }
        const written = await insertRows(trx, context.schema, object, columns, batch, context.actor, mode === 'upsert' ? key : undefined);
        for (const row of written) result[row.inserted ? 'created' : 'updated'] += 1;
        if (mode === 'upsert' && hasLinks) {
          const idByKey = new Map(written.map((row) => [String(row.key), row.id] as const));
          for (const row of batch) row.id ??= idByKey.get(String(row[key!]));
        }
      }
    }
    split.forEach((part) => part.links.forEach((targets, field) => {
      const byField = links.get(field) ?? new Map<string, string[]>();
      byField.set(String(part.columns.id), targets);
      links.set(field, byField);
    }));
    for (const [field, byRecord] of links) await setLinks(trx, context.schema, object, field, byRecord);
    return result;
  });
}
