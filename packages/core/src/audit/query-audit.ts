import type { Knex } from 'knex';
import { TesseraError } from '../errors/index.js';
import { auditTable } from '../schema/index.js';

/** One audit event as the API answers it. */
export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  object: string | null;
  recordId: string | null;
  changes: Record<string, { old: unknown; new: unknown } | { changed: true }> | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
  channel: string | null;
}

/** A page of audit events, newest first. */
export interface AuditPage {
  data: AuditEvent[];
  page: { limit: number; next_cursor: string | null };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const known = new Set(['object', 'record', 'actor', 'action', 'from', 'to', 'limit', 'cursor']);

function invalid(reason: string): never {
  throw new TesseraError('INVALID_QUERY', { reason });
}

function text(params: Record<string, unknown>, name: string, max = 200): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) invalid(`${name} must be a text of at most ${max} characters`);
  return value;
}

function instant(params: Record<string, unknown>, name: string): string | undefined {
  const value = text(params, name, 40);
  if (value !== undefined && Number.isNaN(Date.parse(value))) invalid(`${name} must be a date or an ISO 8601 instant`);
  return value;
}

function changesOf(raw: Record<string, unknown> | null): AuditEvent['changes'] {
  if (!raw) return null;
  const changes: NonNullable<AuditEvent['changes']> = {};
  for (const [field, value] of Object.entries(raw)) changes[field] = Array.isArray(value) ? { old: value[0], new: value[1] } : { changed: true };
  return changes;
}

/**
 * Reads a workspace's audit log newest first, by record (`object` + `record`), by user
 * (`actor`), by action and by time (`from`, `to`), in pages of at most 200 (keyset on id).
 */
export async function queryAudit(knex: Knex, schema: string, params: Record<string, unknown>): Promise<AuditPage> {
  for (const key of Object.keys(params)) if (!known.has(key)) invalid(`unknown parameter "${key.slice(0, 64)}"`);
  const limitText = text(params, 'limit', 4);
  const limit = limitText === undefined ? 50 : /^\d+$/.test(limitText) && Number(limitText) >= 1 && Number(limitText) <= 200 ? Number(limitText) : invalid('limit must be an integer from 1 to 200');
  const cursor = text(params, 'cursor', 20);
  if (cursor !== undefined && !/^\d{1,18}$/.test(cursor)) invalid('cursor is malformed');
  const record = text(params, 'record', 64);
  if (record !== undefined && !uuidPattern.test(record)) invalid('record must be a record id');
  const query = knex.withSchema(schema).from(auditTable).select('*').orderBy('id', 'desc').limit(limit + 1);
  const object = text(params, 'object', 63);
  if (object !== undefined) query.where({ object });
  if (record !== undefined) query.where({ record_id: record });
  const actor = text(params, 'actor');
  if (actor !== undefined) query.where({ actor_id: actor });
  const action = text(params, 'action', 63);
  if (action !== undefined) query.where({ action });
  const from = instant(params, 'from');
  if (from !== undefined) query.where('at', '>=', from);
  const to = instant(params, 'to');
  if (to !== undefined) query.where('at', '<', to);
  if (cursor !== undefined) query.where('id', '<', cursor);
  const rows = await query as Record<string, unknown>[];
  const data = rows.slice(0, limit).map((row): AuditEvent => ({
    id: Number(row.id), at: String(row.at), actorId: row.actor_id as string | null, actorLabel: row.actor_label as string | null,
    action: String(row.action), object: row.object as string | null, recordId: row.record_id as string | null,
    changes: changesOf(row.changes as Record<string, unknown> | null), details: row.details as Record<string, unknown> | null,
    ip: row.ip as string | null, requestId: row.request_id as string | null, channel: row.channel as string | null,
  }));
  return { data, page: { limit, next_cursor: rows.length > limit ? String(data[data.length - 1]!.id) : null } };
}
