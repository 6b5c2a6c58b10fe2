import type { Knex } from 'knex';
import type { Principal, RequestSource } from '../access/index.js';
import { sameSecret, secretHash } from './secret-token.js';
import { sessionLifetime } from './session-lifetime.js';
import { tables } from './tables.js';

const tokenShape = /^tsk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

interface KeyRow {
  id: string;
  name: string;
  secret_hash: string;
  scopes: string[];
  workspace_id: number | null;
  user_id: string;
  email: string;
  platform_admin: boolean;
  stale: boolean;
}

/**
 * The principal of an API key (`Authorization: Bearer tsk_…`): its owner's id and platform role,
 * narrowed to its scopes and workspace. Undefined when the token is malformed or unknown, the key
 * revoked or expired, or its owner suspended. Notes the last use at most once a minute.
 */
export async function resolveApiKey(knex: Knex, token: string, source?: RequestSource): Promise<Principal | undefined> {
  const match = tokenShape.exec(token);
  if (!match) return undefined;
  const id = match[1]!.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  const row = await knex(`${tables.apiKeys} as k`).join(`${tables.users} as u`, 'u.id', 'k.user_id')
    .where('k.id', id).whereNull('k.revoked_at').whereNull('u.suspended_at')
    .where((query) => query.whereNull('k.expires_at').orWhere('k.expires_at', '>', knex.raw('now()')))
    .first('k.id', 'k.name', 'k.secret_hash', 'k.scopes', 'k.workspace_id', 'k.user_id', 'u.email', 'u.platform_admin',
      knex.raw(`coalesce(k.last_used_at < now() - ? * interval '1 second', true) AS stale`, [sessionLifetime.touchEverySeconds])) as KeyRow | undefined;
  if (!row || !sameSecret(row.secret_hash, secretHash(match[2]!))) return undefined;
  if (row.stale) await knex(tables.apiKeys).where({ id }).update({ last_used_at: knex.raw('now()') });
  return {
    kind: 'api_key', userId: row.user_id, label: `${row.email} (key ${row.name})`, platformAdmin: row.platform_admin, scopes: row.scopes,
    ...(row.workspace_id !== null ? { workspaceId: Number(row.workspace_id) } : {}), ...(source ? { source } : {}),
  };
}
