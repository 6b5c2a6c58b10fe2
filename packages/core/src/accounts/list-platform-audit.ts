import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { TesseraError } from '../errors/index.js';
import { requirePlatformAdmin } from './principal-checks.js';
import { tables } from './tables.js';

/** One platform event as the API shows it. */
export interface PlatformAuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  target: string | null;
  workspaceId: number | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Filters of the platform audit, as query-string texts: actor (id or label), action, from, to, limit, cursor. */
export type PlatformAuditQuery = Record<string, unknown>;

/** A page of the platform audit, newest first. */
export interface PlatformAuditPage {
  data: PlatformAuditEvent[];
  page: { limit: number; next_cursor: string | null };
}

interface Row {
  id: number | string;
  at: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target: string | null;
  workspace_id: number | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

function text(query: PlatformAuditQuery, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 254) throw new TesseraError('INVALID_QUERY', { reason: `${name} must be one text of at most 254 characters` });
  return value;
}

function instant(query: PlatformAuditQuery, name: string): string | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  const time = /^\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new TesseraError('INVALID_QUERY', { reason: `${name} must be an ISO 8601 date or instant` });
  return new Date(time).toISOString();
}

function limitOf(query: PlatformAuditQuery): number {
  const value = text(query, 'limit') ?? '50';
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 500) throw new TesseraError('INVALID_QUERY', { reason: 'limit must be 1 to 500' });
  return Number(value);
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && Number.isSafeInteger(value[1])) return [value[0], value[1] as number];
  } catch {
    // fall through to the error below
  }
  throw new TesseraError('INVALID_QUERY', { reason: 'the cursor is invalid' });
}

function toEntry(row: Row): PlatformAuditEvent {
  return {
    id: Number(row.id), at: row.at, actorId: row.actor_id, actorLabel: row.actor_label, action: row.action, target: row.target,
    workspaceId: row.workspace_id, ip: row.ip, requestId: row.request_id, details: row.details,
  };
}

/**
 * The platform audit log, newest first, filtered by actor (id or label), action, time range
 * [from, to), in pages of `limit` (default 50, at most 500) with a keyset cursor on (at, id).
 * Platform admins only.
 */
export async function listPlatformAudit(knex: Knex, actor: Principal, query: PlatformAuditQuery): Promise<PlatformAuditPage> {
  requirePlatformAdmin(actor);
  const limit = limitOf(query);
  const [who, action, from, to, cursor] = [text(query, 'actor'), text(query, 'action'), instant(query, 'from'), instant(query, 'to'), text(query, 'cursor')];
  const select = knex(tables.platformAudit).orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit + 1);
  if (who !== undefined) select.where((where) => where.where('actor_id', who).orWhere('actor_label', who));
  if (action !== undefined) select.where('action', action);
  if (from !== undefined) select.where('at', '>=', from);
  if (to !== undefined) select.where('at', '<', to);
  if (cursor !== undefined) select.whereRaw('(at, id) < (?::timestamptz, ?)', decodeCursor(cursor));
  const rows = await select as Row[];
  const data = rows.slice(0, limit).map(toEntry);
  const last = data.at(-1);
  const next = rows.length > limit && last ? Buffer.from(JSON.stringify([last.at, last.id])).toString('base64url') : null;
  return { data, page: { limit, next_cursor: next } };
}
