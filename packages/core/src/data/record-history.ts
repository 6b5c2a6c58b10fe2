import type { ObjectAccess } from '../access/index.js';
import { TesseraError } from '../errors/index.js';
import { auditTable, qualified } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { rowScope } from './row-scope.js';

/** One change of a field: its old and new value, or only that it changed (a personal field). */
export type HistoryChange = { old: unknown; new: unknown } | { changed: true };

/** One entry of a record's history. */
export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  actor: { id: string | null; label: string | null };
  changes: Record<string, HistoryChange>;
}

/** A page of a record's history, newest first. */
export interface HistoryPage {
  data: HistoryEntry[];
  page: { limit: number; next_cursor: string | null };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxLimit = 200;
const defaultLimit = 50;

function invalid(reason: string): never {
  throw new TesseraError('INVALID_QUERY', { reason });
}

/** limit and cursor of a history request; any other parameter is an error. */
function parsePaging(params: Record<string, unknown>): { limit: number; cursor: string | undefined } {
  for (const key of Object.keys(params)) if (key !== 'limit' && key !== 'cursor') invalid(`unknown parameter "${key.slice(0, 64)}"`);
  const { limit, cursor } = params;
  if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > maxLimit)) invalid(`limit must be an integer from 1 to ${maxLimit}`);
  if (cursor !== undefined && (typeof cursor !== 'string' || !/^\d{1,18}$/.test(cursor))) invalid('the cursor is invalid');
  return { limit: limit === undefined ? defaultLimit : Number(limit), cursor: cursor as string | undefined };
}

/** Throws NOT_FOUND unless the record (live or in the trash) is inside the caller's row rule. */
async function requireReadable(context: DataContext, access: ObjectAccess, id: string): Promise<void> {
  const notFound = new TesseraError('NOT_FOUND', { what: `${access.object.name}/${id.slice(0, 64)}` });
  if (!uuidPattern.test(id)) throw notFound;
  const scope = rowScope(context, access, 't');
  const { rows } = await context.knex.raw(
    `SELECT 1 FROM ${qualified(context.schema, access.object.name)} AS t WHERE t.id = ?${scope ? ` AND ${scope.sql}` : ''}`,
    [id, ...(scope?.bindings ?? [])] as never[],
  );
  if ((rows as unknown[]).length === 0) throw notFound;
}

/**
 * The changes as this caller may see them: fields it cannot read left out, personal fields (as
 * the blueprint says now, whatever it said when logged) only as changed.
 */
function visibleChanges(access: ObjectAccess, stored: Record<string, unknown> | null): Record<string, HistoryChange> {
  const changes: Record<string, HistoryChange> = {};
  for (const [field, value] of Object.entries(stored ?? {})) {
    if (!access.readable.has(field)) continue;
    const personal = access.object.fields.get(field)?.personal === true;
    changes[field] = personal || !Array.isArray(value) ? { changed: true } : { old: value[0] ?? null, new: value[1] ?? null };
  }
  return changes;
}

/**
 * The audit entries of one record, newest first, in pages keyset on the entry id (the audit
 * table's index on record id and id serves it). Anyone who may read the record may read its
 * history: the row rule applies (404 outside it, as for a get), deleted records included.
 */
export async function recordHistory(context: DataContext, objectName: string, id: string, params: Record<string, unknown>): Promise<HistoryPage> {
  const access = context.access.object(objectName, 'read');
  const { limit, cursor } = parsePaging(params);
  await requireReadable(context, access, id);
  const audit = qualified(context.schema, auditTable);
  const before = cursor === undefined ? '' : ' AND id < ?';
  // Its own entries, and the entry of the import batch that created it (one entry names every record of a batch).
  const { rows } = await context.knex.raw(
    `SELECT id, at, action, actor_id, actor_label, changes FROM (
       SELECT id, at, action, actor_id, actor_label, changes FROM ${audit} WHERE record_id = ? AND object = ?${before}
       UNION ALL
       SELECT id, at, action, actor_id, actor_label, NULL FROM ${audit} WHERE action = 'record.import' AND object = ? AND (details -> 'created') @> to_jsonb(?::text)${before}
     ) AS entries ORDER BY id DESC LIMIT ?`,
    [id, access.object.name, ...(cursor === undefined ? [] : [cursor]), access.object.name, id.toLowerCase(), ...(cursor === undefined ? [] : [cursor]), limit + 1] as never[],
  );
  const found = rows as Record<string, unknown>[];
  const data = found.slice(0, limit).map((row): HistoryEntry => ({
    id: Number(row.id), at: String(row.at), action: String(row.action),
    actor: { id: row.actor_id as string | null, label: row.actor_label as string | null },
    changes: visibleChanges(access, row.changes as Record<string, unknown> | null),
  }));
  return { data, page: { limit, next_cursor: found.length > limit ? String(data[data.length - 1]!.id) : null } };
}
