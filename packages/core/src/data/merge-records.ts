import { appendAudit, stampColumns, stampValues } from '../audit/index.js';
import { joinTableName, type Field, type ObjectModel } from '../documents/index.js';
import { TesseraError, fieldError, throwIfErrors } from '../errors/index.js';
import { mergeValue } from './merge-values.js';
import { auditTable, outboxTable, qualified, quoteIdent } from '../schema/index.js';
import { bulkWrite } from './bulk-write.js';
import type { DataContext } from './data-context.js';
import { decryptRows } from './decrypt-record.js';
import { deleteRecords } from './delete-records.js';
import { appendEvent } from './outbox.js';
import { getRecord } from './record-operations.js';
import { rowScope } from './row-scope.js';
import { runWrite } from './run-write.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';

/** What a merge did: the surviving record as it is now, the record merged into it, and the links moved, per `object.field`. */
export interface MergeResult {
  record: ApiRecord;
  merged: string;
  relinked: Record<string, number>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The two live records within the caller's rows, locked; NOT_FOUND naming those missing. */
async function lockPair(context: DataContext, object: ObjectModel, ids: [string, string]): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const access = context.access.object(object.name, 'update');
  const scope = rowScope(context, access, 't');
  const columns = ['id', 'version', ...object.columnFields.map((field) => field.name)].map((column) => `t.${quoteIdent(column)}`).join(', ');
  const { rows } = await context.knex.raw(`SELECT ${columns} FROM ${qualified(context.schema, object.name)} AS t WHERE t.id = ANY(?::uuid[]) AND t.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''} FOR UPDATE`,
    [ids, ...(scope?.bindings ?? [])] as never[]) as { rows: Record<string, unknown>[] };
  const found = new Map(decryptRows(context.keys, object, rows).map((row) => serializeRecord(object, row)).map((record) => [record.id as string, record as Record<string, unknown>]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new TesseraError('NOT_FOUND', { what: `${object.name} ${missing.join(', ')} (unknown, deleted or outside your rows)` }, { details: { missing } });
  return [found.get(ids[0])!, found.get(ids[1])!];
}

/**
 * The survivor's new values: a value chosen by the caller wins; otherwise an empty field takes
 * the other record's value, and a multi-value field keeps both. Only fields the caller may write.
 */
function mergedChanges(object: ObjectModel, writable: ReadonlySet<string>, survivor: Record<string, unknown>, loser: Record<string, unknown>, chosen: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of object.columnFields) {
    if (!writable.has(field.name) || field.type === 'autonumber') continue;
    const value = Object.hasOwn(chosen, field.name) ? chosen[field.name] : mergeValue(field, field.type === 'multi_select' ? 'union' : 'fill_empty', survivor[field.name], loser[field.name] ?? null);
    if (JSON.stringify(value ?? null) !== JSON.stringify(survivor[field.name] ?? null)) changes[field.name] = value;
  }
  return changes;
}

/** The fields of the blueprint that link to `target`: many_to_one columns and many_to_many join tables. */
function linksTo(context: DataContext, target: string): { object: ObjectModel; field: Field }[] {
  return [...context.model.objects.values()].flatMap((object) => object.definition.fields
    .filter((field) => field.type === 'relation' && field.relation?.target === target && field.relation.kind !== 'one_to_many')
    .map((field) => ({ object, field })));
}

/** Points every link to `from` at `to`: many_to_one columns (each changed record audited), join table rows (a link both had is kept once). */
async function moveLinks(context: DataContext, objectName: string, from: string, to: string): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  const audit = qualified(context.schema, auditTable);
  for (const { object, field } of linksTo(context, objectName)) {
    const name = `${object.name}.${field.name}`;
    if (field.relation!.kind === 'many_to_one') {
      const column = quoteIdent(field.name);
      const { rows } = await context.knex.raw(`WITH written AS (
          UPDATE ${qualified(context.schema, object.name)} SET ${column} = ?, version = version + 1, updated_at = now(), updated_by = ? WHERE ${column} = ? RETURNING id),
        audit AS (INSERT INTO ${audit} (${stampColumns}, action, object, record_id, changes, details)
          SELECT ?, ?, ?, ?, ?, 'record.relink', ?, id, ?::jsonb, ?::jsonb FROM written),
        events AS (INSERT INTO ${qualified(context.schema, outboxTable)} (object, record_id, type, payload, actor)
          SELECT ?, id, 'record.updated', ?::jsonb, ? FROM written)
        SELECT count(*)::int AS n FROM written`, [
        to, context.actor, from, ...stampValues(context.stamp), object.name,
        JSON.stringify({ [field.name]: [from, to] }), JSON.stringify({ merged: from, into: to }),
        object.name, JSON.stringify({ changed: [field.name], merged: from }), context.actor,
      ]) as { rows: { n: number }[] };
      if (rows[0]!.n > 0) moved[name] = rows[0]!.n;
      continue;
    }
    const table = qualified(context.schema, joinTableName(object.name, field.name));
    // The target side, and the source side when the object links to itself.
    const sides = [...(field.relation!.target === objectName ? ['target_id'] : []), ...(object.name === objectName ? ['source_id'] : [])];
    for (const side of sides) {
      const other = side === 'target_id' ? 'source_id' : 'target_id';
      await context.knex.raw(`INSERT INTO ${table} (${side}, ${other}) SELECT ?, ${other} FROM ${table} WHERE ${side} = ? ON CONFLICT DO NOTHING`, [to, from]);
      const { rowCount } = await context.knex.raw(`DELETE FROM ${table} WHERE ${side} = ?`, [from]) as { rowCount: number };
      if (rowCount > 0) moved[name] = (moved[name] ?? 0) + rowCount;
    }
  }
  return moved;
}

/**
 * Merges record `loserId` into `survivorId`, both of one object, in one transaction: the loser
 * is deleted (to the trash, first, so that the survivor can take over its unique values), every
 * link to it is moved to the survivor (orders, interactions, tags: the links of any object,
 * including those the caller's role cannot see, since a link to a merged-away record would
 * dangle), and the survivor takes the merged values (`chosen` per field, else its own unless
 * empty, multi-value fields keeping both). Audited (`record.merge` on both, `record.relink` on
 * each record whose link moved) with a `record.merged` event. Needs update and delete on the object.
 */
export async function mergeRecords(context: DataContext, objectName: string, survivorId: string, loserId: string, chosen: Record<string, unknown> = {}): Promise<MergeResult> {
  const access = context.access.object(objectName, 'update');
  context.access.object(objectName, 'delete');
  throwIfErrors([
    ...(typeof survivorId === 'string' && uuidPattern.test(survivorId) ? [] : [fieldError('/survivor', 'format', { format: 'uuid' })]),
    ...(typeof loserId === 'string' && uuidPattern.test(loserId) ? [] : [fieldError('/loser', 'format', { format: 'uuid' })]),
    ...(survivorId === loserId ? [fieldError('/loser', 'same_record')] : []),
  ]);
  const object = access.object;
  return runWrite(context, async (trx) => {
    const inTransaction = { ...context, knex: trx };
    const [survivor, loser] = await lockPair(inTransaction, object, [survivorId.toLowerCase(), loserId.toLowerCase()]);
    const changes = mergedChanges(object, access.writable, survivor, loser, chosen);
    access.requireWritable(changes);
    await deleteRecords(inTransaction, objectName, [loser.id]);
    const relinked = await moveLinks(inTransaction, objectName, loser.id as string, survivor.id as string);
    if (Object.keys(changes).length > 0) await bulkWrite(inTransaction, objectName, 'update', [{ id: survivor.id, version: survivor.version, ...changes }]);
    const details = { survivor: survivor.id, merged: loser.id, relinked, fields: Object.keys(changes) };
    await appendAudit(trx, context.schema, context.stamp, { action: 'record.merge', object: objectName, recordId: survivor.id as string, details });
    await appendAudit(trx, context.schema, context.stamp, { action: 'record.merge', object: objectName, recordId: loser.id as string, details });
    await appendEvent(trx, context.schema, { object: objectName, recordId: survivor.id as string, type: 'record.merged', payload: { merged: loser.id, relinked }, actor: context.actor });
    return { record: await getRecord(inTransaction, objectName, survivor.id as string), merged: loser.id as string, relinked };
  });
}
