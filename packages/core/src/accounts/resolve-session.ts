import type { Knex } from 'knex';
import type { Principal, RequestSource } from '../access/index.js';
import { secretHash } from './secret-token.js';
import { sessionLifetime } from './session-lifetime.js';
import { tables } from './tables.js';
import { userPrincipal } from './user-principal.js';

/** A live session: who it is, and the CSRF token its unsafe requests must carry. */
export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session of a cookie token, or undefined when unknown, expired (idle or absolute), revoked, or
 * its user suspended. Extends the idle expiry, at most once a minute, never past the absolute one.
 */
export async function resolveSession(knex: Knex, token: string, source?: RequestSource): Promise<ResolvedSession | undefined> {
  if (!tokenShape.test(token)) return undefined;
  const tokenHash = secretHash(token);
  const row = await knex(`${tables.sessions} as s`).join(`${tables.users} as u`, 'u.id', 's.user_id')
    .where('s.token_hash', tokenHash).whereNull('s.revoked_at').whereNull('u.suspended_at').where('s.expires_at', '>', knex.raw('now()'))
    .first('s.csrf_token', 'u.id', 'u.email', 'u.platform_admin',
      knex.raw(`s.last_seen_at < now() - ? * interval '1 second' AS stale`, [sessionLifetime.touchEverySeconds])) as
      { csrf_token: string; id: string; email: string; platform_admin: boolean; stale: boolean } | undefined;
  if (!row) return undefined;
  if (row.stale) await touch(knex, tokenHash);
  return { principal: userPrincipal(row, source), csrfToken: row.csrf_token };
}

async function touch(knex: Knex, tokenHash: string): Promise<void> {
  await knex.raw(`UPDATE ${tables.sessions} SET last_seen_at = now(),
      expires_at = least(now() + ? * interval '1 second', created_at + ? * interval '1 second')
    WHERE token_hash = ? AND last_seen_at < now() - ? * interval '1 second'`,
  [sessionLifetime.idleSeconds, sessionLifetime.absoluteSeconds, tokenHash, sessionLifetime.touchEverySeconds]);
}
