import type { ObjectAccess } from '../access/index.js';
import { TesseraError, throwIfErrors } from '../errors/index.js';
import { qualified } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { validateRecord } from './record-validators.js';
import { rowScope } from './row-scope.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireObject(record: unknown): Record<string, unknown> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new TesseraError('BAD_REQUEST', { reason: '"record" must be a JSON object' });
  return record as Record<string, unknown>;
}

function notFound(objectName: string, id: string): TesseraError {
  return new TesseraError('NOT_FOUND', { what: `${objectName}/${id.slice(0, 64)}` });
}

/** Throws NOT_FOUND unless the record is live and inside the caller's row rule, as an update would. */
async function requireUpdatable(context: DataContext, access: ObjectAccess, id: string): Promise<void> {
  const scope = rowScope(context, access, 't');
  const { rows } = await context.knex.raw(
    `SELECT 1 FROM ${qualified(context.schema, access.object.name)} AS t WHERE t.id = ? AND t.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''}`,
    [id, ...(scope?.bindings ?? [])] as never[],
  );
  if ((rows as unknown[]).length === 0) throw notFound(access.object.name, id);
}

/**
 * The validation stage of a create (or, given `id`, of an update of that record) without the
 * write: the same action, field-access and value checks in the same order, so the same errors
 * (422 with a pointer and zh-CN/en message per field, 403 naming a field the caller may not
 * write, 404 for a record outside its rows). Nothing is written or audited. What only the write
 * itself can tell (a unique value taken, a related record gone, a row rule on the new values, a
 * version changed meanwhile) is not checked here.
 */
export async function validateWrite(context: DataContext, objectName: string, record: unknown, id?: unknown): Promise<void> {
  if (id === undefined) {
    const access = context.access.object(objectName, 'create');
    const body = requireObject(record);
    throwIfErrors(validateRecord(access.object, body, 'create'));
    access.requireWritable(body);
    return;
  }
  const access = context.access.object(objectName, 'update');
  if (typeof id !== 'string') throw new TesseraError('BAD_REQUEST', { reason: '"id" must be a record id' });
  if (!uuidPattern.test(id)) throw notFound(access.object.name, id);
  const body = requireObject(record);
  throwIfErrors(validateRecord(access.object, body, 'patch'));
  const { version: _version, ...changes } = body;
  access.requireWritable(changes);
  await requireUpdatable(context, access, id);
}
