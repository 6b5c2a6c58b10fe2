import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { selectApiKeys, toApiKey, type ApiKey } from './api-key.js';
import { requireSessionUser } from './principal-checks.js';
import { tables } from './tables.js';
import { isUuid } from './user.js';

/**
 * Revokes one of the signed-in user's own keys (someone else's is 404, as a missing one). Revoking
 * twice keeps the first time. Audited as `api_key.revoked`.
 */
export async function revokeApiKey(knex: Knex, principal: Principal, id: unknown): Promise<ApiKey> {
  requireSessionUser(principal);
  if (!isUuid(id)) throw new TesseraError('NOT_FOUND', { what: 'API key' });
  return knex.transaction(async (trx) => {
    const revoked = await trx(tables.apiKeys).where({ id, user_id: principal.userId }).whereNull('revoked_at').update({ revoked_at: trx.raw('now()') });
    const row = await selectApiKeys(trx).where('k.id', id).where('k.user_id', principal.userId).first();
    if (!row) throw new TesseraError('NOT_FOUND', { what: 'API key' });
    if (revoked > 0) await appendPlatformAudit(trx, { action: 'api_key.revoked', principal, target: id });
    return toApiKey(row);
  });
}
