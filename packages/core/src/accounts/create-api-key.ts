import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { selectApiKeys, toApiKey, type ApiKey } from './api-key.js';
import { readScopes } from './api-key-scopes.js';
import { requireSessionUser } from './principal-checks.js';
import { randomSecret, secretHash } from './secret-token.js';
import { tables } from './tables.js';
import { readObject, readText } from './text-input.js';

/** What creating a key takes (from a request body: checked here). */
export interface NewApiKey {
  name?: unknown;
  scopes?: unknown;
  /** A workspace slug to bind the key to. */
  workspace?: unknown;
  /** ISO 8601 instant in the future. */
  expiresAt?: unknown;
}

/** A created key: the token is in this answer only. */
export type CreatedApiKey = ApiKey & { token: string };

async function workspaceId(knex: Knex, slug: unknown): Promise<number | null> {
  if (slug === undefined || slug === null) return null;
  const row = typeof slug === 'string' ? await knex(tables.workspaces).where({ slug }).whereNull('archived_at').first('id') as { id: number } | undefined : undefined;
  if (!row) throw new TesseraError('NOT_FOUND', { what: `workspace ${String(slug).slice(0, 64)}` });
  return row.id;
}

function expiry(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const time = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time) || time <= Date.now()) throw new TesseraError('BAD_REQUEST', { reason: 'expiresAt must be an ISO 8601 instant in the future' });
  return new Date(time).toISOString();
}

/**
 * Creates an API key for the signed-in user. Token: `tsk_<key id, 32 hex>_<32 random bytes,
 * base64url>`; the id finds the row, and only the sha256 of the secret part is stored.
 * Audited as `api_key.created`.
 */
export async function createApiKey(knex: Knex, principal: Principal, input: NewApiKey): Promise<CreatedApiKey> {
  requireSessionUser(principal);
  const body = readObject(input, ['name', 'scopes', 'workspace', 'expiresAt']);
  const name = readText(body.name, 'name', 100);
  const scopes = readScopes(body.scopes);
  const expiresAt = expiry(body.expiresAt);
  const id = randomUUID();
  const secret = randomSecret(32);
  return knex.transaction(async (trx) => {
    const workspace = await workspaceId(trx, body.workspace);
    await trx(tables.apiKeys).insert({ id, user_id: principal.userId, name, secret_hash: secretHash(secret), scopes, workspace_id: workspace, expires_at: expiresAt });
    await appendPlatformAudit(trx, { action: 'api_key.created', principal, target: id, ...(workspace ? { workspaceId: workspace } : {}), details: { name, scopes, expiresAt } });
    const row = await selectApiKeys(trx).where('k.id', id).first();
    return { ...toApiKey(row), token: `tsk_${id.replace(/-/g, '')}_${secret}` };
  });
}
