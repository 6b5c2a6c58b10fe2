import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { selectApiKeys, toApiKey, type ApiKey } from './api-key.js';
import { requireSessionUser } from './principal-checks.js';

/** The signed-in user's own API keys, newest first, revoked and expired ones included. */
export async function listApiKeys(knex: Knex, principal: Principal): Promise<ApiKey[]> {
  requireSessionUser(principal);
  const rows = await selectApiKeys(knex).where('k.user_id', principal.userId).orderBy('k.created_at', 'desc').orderBy('k.id');
  return rows.map(toApiKey);
}
