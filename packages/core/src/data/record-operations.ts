import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { TesseraError, throwIfErrors } from '../errors/index.js';
import { qualified } from '../schema/index.js';
import type { ObjectModel } from '../documents/index.js';
import { objectOf, type DataContext } from './data-context.js';
import { validateRecord } from './record-validators.js';
import { splitRecord } from './column-values.js';
import { insertRows } from './insert-rows.js';
import { setLinks } from './set-links.js';
import { appendEvent } from './outbox.js';
import { runWrite } from './run-write.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';
import { selectedColumns } from './selected-columns.js';
import { includeRelated } from './include-related.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(object: ObjectModel, id: string): TesseraError {
  return new TesseraError('NOT_FOUND', { what: `${object.name}/${id.slice(0, 64)}` });
}

async function readRow(knex: Knex, schema: string, object: ObjectModel, id: string, trashed = false): Promise<Record<string, unknown> | undefined> {
  const query = knex.withSchema(schema).from(object.name).select(selectedColumns(object)).where({ id });
  return (trashed ? query.whereNotNull('deleted_at') : query.whereNull('deleted_at')).first();
}

/** Reads one live record, optionally with related records included. */
export async function getRecord(context: DataContext, objectName: string, id: string, include: string[] = []): Promise<ApiRecord> {
  const object = objectOf(context, objectName);
  if (!uuidPattern.test(id)) throw notFound(object, id);
  const row = await readRow(context.knex, context.schema, object, id);
  if (!row) throw notFound(object, id);
  const record = serializeRecord(object, row);
  if (include.length > 0) await includeRelated(context, object, [record], include);
  return record;
}

/** Creates one record through the write pipeline. */
export async function createRecord(context: DataContext, objectName: string, body: unknown): Promise<ApiRecord> {
  const object = objectOf(context, objectName);
  throwIfErrors(validateRecord(object, body, 'create'));
  const { columns, links } = splitRecord(object, body as Record<string, unknown>, 'recordset');
  const id = (columns.id as string | undefined) ?? randomUUID();
  columns.id = id;
  return runWrite(context, async (trx) => {
    await insertRows(trx, context.schema, object, Object.keys(columns), [columns], context.actor);
    for (const [field, targets] of links) await setLinks(trx, context.schema, object, field, new Map([[id, targets]]));
    return serializeRecord(object, (await readRow(trx, context.schema, object, id))!);
  });
}

/** Updates a record partially; with `version` in the body, refuses (409) if someone else changed it. */
export async function updateRecord(context: DataContext, objectName: string, id: string, body: unknown): Promise<ApiRecord> {
  const object = objectOf(context, objectName);
  if (!uuidPattern.test(id)) throw notFound(object, id);
  throwIfErrors(validateRecord(object, body, 'patch'));
  const { version, ...changes } = body as Record<string, unknown>;
  const { columns, links } = splitRecord(object, changes, 'column');
  return runWrite(context, async (trx) => {
    const query = trx.withSchema(context.schema).from(object.name).where({ id }).whereNull('deleted_at');
    if (version !== undefined) query.where({ version });
    const updated = await query.update({ ...columns, version: trx.raw('version + 1'), updated_at: trx.fn.now(), updated_by: context.actor }, ['id']);
    if (updated.length === 0) {
      const current = await readRow(trx, context.schema, object, id);
      if (!current) throw notFound(object, id);
      throw new TesseraError('VERSION_CONFLICT', { current: Number(current.version) }, { details: { current: serializeRecord(object, current) } });
    }
    for (const [field, targets] of links) await setLinks(trx, context.schema, object, field, new Map([[id, targets]]));
    await appendEvent(trx, context.schema, { object: object.name, recordId: id, type: 'record.updated', payload: { changes: Object.keys(changes) }, actor: context.actor });
    return serializeRecord(object, (await readRow(trx, context.schema, object, id))!);
  });
}

async function setDeleted(context: DataContext, objectName: string, id: string, deleted: boolean): Promise<ApiRecord> {
  const object = objectOf(context, objectName);
  if (!uuidPattern.test(id)) throw notFound(object, id);
  return runWrite(context, async (trx) => {
    const { rows } = await trx.raw(
      `UPDATE ${qualified(context.schema, object.name)} SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = version + 1, updated_at = now(), updated_by = ?
       WHERE id = ? AND deleted_at IS ${deleted ? 'NULL' : 'NOT NULL'} RETURNING id`, [context.actor, id]);
    if ((rows as unknown[]).length === 0) throw notFound(object, id);
    await appendEvent(trx, context.schema, { object: object.name, recordId: id, type: deleted ? 'record.deleted' : 'record.restored', payload: {}, actor: context.actor });
    return serializeRecord(object, (await trx.withSchema(context.schema).from(object.name).select(selectedColumns(object)).where({ id }).first())!);
  });
}

/** Soft-deletes a record: it leaves every list until restored. */
export function deleteRecord(context: DataContext, objectName: string, id: string): Promise<ApiRecord> {
  return setDeleted(context, objectName, id, true);
}

/** Restores a soft-deleted record (409 if its unique values were taken meanwhile). */
export function restoreRecord(context: DataContext, objectName: string, id: string): Promise<ApiRecord> {
  return setDeleted(context, objectName, id, false);
}
