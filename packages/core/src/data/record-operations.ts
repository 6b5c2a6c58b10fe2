import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ObjectAccess } from '../access/index.js';
import { appendAudit } from '../audit/index.js';
import { TesseraError, throwIfErrors } from '../errors/index.js';
import { qualified, quoteIdent } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { validateRecord } from './record-validators.js';
import { splitRecord } from './column-values.js';
import { insertRows } from './insert-rows.js';
import { updateRows } from './update-rows.js';
import { setLinks } from './set-links.js';
import { appendEvent } from './outbox.js';
import { runWrite } from './run-write.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';
import { includeRelated } from './include-related.js';
import { maskRecord, readableColumns } from './readable-record.js';
import { requireInScope } from './require-in-scope.js';
import { rowScope } from './row-scope.js';
import { decryptRecord } from './decrypt-record.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(access: ObjectAccess, id: string): TesseraError {
  return new TesseraError('NOT_FOUND', { what: `${access.object.name}/${id.slice(0, 64)}` });
}

interface RowOptions {
  trashed?: boolean;
  /** Lock the row for the rest of the transaction. */
  lock?: boolean;
  /** Read even outside the caller's row rule (a record the caller just wrote and was checked). */
  unscoped?: boolean;
  columns?: string[];
}

/** One live (or trashed) row the caller may see, with its readable columns. */
async function readRow(knex: Knex, context: DataContext, access: ObjectAccess, id: string, options: RowOptions = {}): Promise<Record<string, unknown> | undefined> {
  const scope = options.unscoped ? undefined : rowScope(context, access, 't');
  const columns = options.columns ?? readableColumns(access);
  const { rows } = await knex.raw(
    `SELECT ${columns.map((column) => `t.${quoteIdent(column)}`).join(', ')} FROM ${qualified(context.schema, access.object.name)} AS t
     WHERE t.id = ? AND t.deleted_at IS ${options.trashed ? 'NOT NULL' : 'NULL'}${scope ? ` AND ${scope.sql}` : ''}${options.lock ? ' FOR UPDATE OF t' : ''}`,
    [id, ...(scope?.bindings ?? [])] as never[],
  );
  const row = (rows as Record<string, unknown>[])[0];
  return row && decryptRecord(context.keys, access.object, row);
}

function shown(access: ObjectAccess, row: Record<string, unknown>): ApiRecord {
  return maskRecord(access, serializeRecord(access.object, row));
}

/** Reads one live record, optionally with related records included. */
export async function getRecord(context: DataContext, objectName: string, id: string, include: string[] = []): Promise<ApiRecord> {
  const access = context.access.object(objectName, 'read');
  if (!uuidPattern.test(id)) throw notFound(access, id);
  const row = await readRow(context.knex, context, access, id);
  if (!row) throw notFound(access, id);
  const record = shown(access, row);
  if (include.length > 0) await includeRelated(context, access, [record], include);
  return record;
}

/** Creates one record through the write pipeline. */
export async function createRecord(context: DataContext, objectName: string, body: unknown): Promise<ApiRecord> {
  const access = context.access.object(objectName, 'create');
  throwIfErrors(validateRecord(access.object, body, 'create'));
  access.requireWritable(body as Record<string, unknown>);
  const { columns, links } = splitRecord(access.object, body as Record<string, unknown>, 'recordset');
  const id = (columns.id as string | undefined) ?? randomUUID();
  columns.id = id;
  return runWrite(context, async (trx) => {
    await insertRows(trx, context, access, Object.keys(columns), [columns]);
    for (const [field, targets] of links) await setLinks(trx, context.schema, access.object, field, new Map([[id, targets]]));
    await requireInScope(trx, context, access, [id]);
    return shown(access, (await readRow(trx, context, access, id, { unscoped: true }))!);
  });
}

/** Updates a record partially; with `version` in the body, refuses (409) if someone else changed it. */
export async function updateRecord(context: DataContext, objectName: string, id: string, body: unknown): Promise<ApiRecord> {
  const access = context.access.object(objectName, 'update');
  if (!uuidPattern.test(id)) throw notFound(access, id);
  throwIfErrors(validateRecord(access.object, body, 'patch'));
  const { version, ...changes } = body as Record<string, unknown>;
  access.requireWritable(changes);
  const { columns, links } = splitRecord(access.object, changes, 'recordset');
  return runWrite(context, async (trx) => {
    const current = await readRow(trx, context, access, id, { lock: true });
    if (!current) throw notFound(access, id);
    if (version !== undefined && Number(current.version) !== version) {
      throw new TesseraError('VERSION_CONFLICT', { current: Number(current.version) }, { details: { current: shown(access, current) } });
    }
    await updateRows(trx, context, access, ['id', ...Object.keys(columns)], [{ ...columns, id }]);
    for (const [field, targets] of links) await setLinks(trx, context.schema, access.object, field, new Map([[id, targets]]));
    await requireInScope(trx, context, access, [id]);
    return shown(access, (await readRow(trx, context, access, id, { unscoped: true }))!);
  });
}

async function setDeleted(context: DataContext, objectName: string, id: string, deleted: boolean): Promise<ApiRecord> {
  const access = context.access.object(objectName, 'delete');
  if (!uuidPattern.test(id)) throw notFound(access, id);
  const scope = rowScope(context, access, 't');
  return runWrite(context, async (trx) => {
    const { rows } = await trx.raw(
      `UPDATE ${qualified(context.schema, access.object.name)} AS t SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = t.version + 1, updated_at = now(), updated_by = ?
       WHERE t.id = ? AND t.deleted_at IS ${deleted ? 'NULL' : 'NOT NULL'}${scope ? ` AND ${scope.sql}` : ''} RETURNING t.id`,
      [context.actor, id, ...(scope?.bindings ?? [])] as never[]);
    if ((rows as unknown[]).length === 0) throw notFound(access, id);
    await appendEvent(trx, context.schema, { object: access.object.name, recordId: id, type: deleted ? 'record.deleted' : 'record.restored', payload: {}, actor: context.actor });
    await appendAudit(trx, context.schema, context.stamp, { action: deleted ? 'record.delete' : 'record.restore', object: access.object.name, recordId: id });
    return shown(access, (await readRow(trx, context, access, id, { trashed: deleted, unscoped: true }))!);
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

/**
 * Reveals the personal values of one record to a role with the reveal action: the plain values
 * of the asked (or every readable) personal field, and an audit entry naming the fields, written
 * before the answer leaves.
 */
export async function revealRecord(context: DataContext, objectName: string, id: string, fields?: string[]): Promise<Record<string, unknown>> {
  const access = context.access.object(objectName, 'reveal');
  if (!uuidPattern.test(id)) throw notFound(access, id);
  const personal = [...access.masked];
  for (const field of fields ?? []) {
    if (typeof field !== 'string' || !personal.includes(field)) throw new TesseraError('FIELD_FORBIDDEN', { field: `${access.object.name}.${String(field).slice(0, 64)}`, use: 'reveal' });
  }
  const wanted = fields && fields.length > 0 ? fields : personal;
  if (wanted.length === 0) return {};
  return runWrite(context, async (trx) => {
    const row = await readRow(trx, context, access, id, { columns: ['id', ...wanted] });
    if (!row) throw notFound(access, id);
    await appendAudit(trx, context.schema, context.stamp, { action: 'record.reveal', object: access.object.name, recordId: id, details: { fields: wanted } });
    const record = serializeRecord(access.object, row);
    return Object.fromEntries(wanted.map((field) => [field, record[field] ?? null]));
  });
}
