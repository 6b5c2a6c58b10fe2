import { stampColumns, stampValues } from '../audit/index.js';
import { TesseraError, fieldError, throwIfErrors, type FieldError } from '../errors/index.js';
import { auditTable, outboxTable, qualified } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { rowScope } from './row-scope.js';
import { runWrite } from './run-write.js';

/** Most ids in one bulk delete: one statement, one transaction, one answer listing them. */
export const maxDeleteIds = 1_000;

/** What a bulk delete did: how many records, and their ids in the order asked. */
export interface DeleteResult {
  deleted: number;
  ids: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids named in the error's message; the details list every one. */
const idsInMessage = 10;

/** The ids of a request, lower-cased: a list of 1 to maxDeleteIds distinct record ids, else 400 or 422 with a pointer per bad id. */
function checkIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > maxDeleteIds) {
    throw new TesseraError('BAD_REQUEST', { reason: `"ids" must be a list of 1 to ${maxDeleteIds} record ids` });
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  ids.forEach((id: unknown, index) => {
    if (typeof id !== 'string') errors.push(fieldError(`/ids/${index}`, 'type', { expected: 'string' }));
    else if (!uuidPattern.test(id)) errors.push(fieldError(`/ids/${index}`, 'format', { format: 'uuid' }));
    else if (seen.has(id.toLowerCase())) errors.push(fieldError(`/ids/${index}`, 'duplicate_item'));
    else seen.add(id.toLowerCase());
  });
  throwIfErrors(errors);
  return [...seen];
}

/**
 * Soft-deletes many records of one object, all or nothing: one UPDATE within the caller's row
 * rule that appends, in the same statement, an outbox event and an audit entry per record. An id
 * that is unknown, already deleted or outside the caller's rows rolls the whole request back with
 * NOT_FOUND listing those ids (`details.missing`): which of the three is not told, as for one record.
 */
export async function deleteRecords(context: DataContext, objectName: string, ids: unknown): Promise<DeleteResult> {
  const access = context.access.object(objectName, 'delete');
  const wanted = checkIds(ids);
  const table = qualified(context.schema, access.object.name);
  const scope = rowScope(context, access, 't');
  return runWrite(context, async (trx) => {
    const { rows } = await trx.raw(`WITH written AS (
        UPDATE ${table} AS t SET deleted_at = now(), version = t.version + 1, updated_at = now(), updated_by = ?
        WHERE t.id = ANY(?::uuid[]) AND t.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''}
        RETURNING t.id),
      events AS (INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
        SELECT ?, id, 'record.deleted', '{}'::jsonb, ? FROM written),
      audit AS (INSERT INTO ${qualified(context.schema, auditTable)} (${stampColumns}, action, object, record_id)
        SELECT ?, ?, ?, ?, ?, 'record.delete', ?, id FROM written)
      SELECT id::text AS id FROM written`,
    [context.actor, wanted, ...(scope?.bindings ?? []), access.object.name, context.actor, ...stampValues(context.stamp), access.object.name] as never[]);
    const deleted = new Set((rows as { id: string }[]).map((row) => row.id));
    const missing = wanted.filter((id) => !deleted.has(id));
    if (missing.length > 0) {
      const named = `${missing.slice(0, idsInMessage).join(', ')}${missing.length > idsInMessage ? ', …' : ''}`;
      throw new TesseraError('NOT_FOUND', { what: `${missing.length} of the ${wanted.length} ${access.object.name} records to delete (unknown, deleted already or outside your rows): ${named}` }, { details: { missing } });
    }
    return { deleted: wanted.length, ids: wanted };
  });
}
