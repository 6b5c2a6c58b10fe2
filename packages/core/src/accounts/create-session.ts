import type { Knex } from 'knex';
import type { RequestSource } from '../access/index.js';
import { randomSecret, secretHash } from './secret-token.js';
import { sessionLifetime } from './session-lifetime.js';
import { tables } from './tables.js';

/** A new session as the client gets it: the token (only its hash is stored) and the CSRF token. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Opens a session for a user (in the caller's transaction): 32 random bytes, stored as sha256.
 * The user's dead sessions (expired, or revoked a day ago) are removed on the way, so the table
 * holds about one row per live session without a cleanup job.
 */
export async function createSession(knex: Knex, userId: string, source: RequestSource = {}): Promise<NewSession> {
  await knex(tables.sessions).where({ user_id: userId })
    .where((dead) => dead.where('expires_at', '<', knex.raw('now()')).orWhere('revoked_at', '<', knex.raw(`now() - interval '1 day'`))).delete();
  const token = randomSecret(32);
  const csrfToken = randomSecret(32);
  const [row] = await knex(tables.sessions).insert({
    token_hash: secretHash(token),
    user_id: userId,
    csrf_token: csrfToken,
    ip: source.ip?.slice(0, 100) ?? null,
    user_agent: source.userAgent?.slice(0, 500) ?? null,
    expires_at: knex.raw(`now() + ? * interval '1 second'`, [sessionLifetime.idleSeconds]),
  }).returning('expires_at') as { expires_at: string }[];
  return { token, csrfToken, expiresAt: row!.expires_at };
}
