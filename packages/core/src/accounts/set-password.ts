import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { hashPassword } from './password-hash.js';
import { checkNewPassword } from './password-policy.js';
import { requirePlatformAdmin } from './principal-checks.js';
import { revokeUserSessions } from './revoke-sessions.js';
import { clearFailures } from './sign-in-failures.js';
import { tables } from './tables.js';
import { isUuid } from './user.js';

/**
 * Writes a new password hash for a user and ends every session of the user, in one transaction
 * with the audit row. The user's API keys stay: they are separate credentials given to
 * integrations, and a password change is no reason to break them (revoke them one by one, or
 * suspend the user to stop them all). Also clears the email's failed sign-ins.
 */
export async function replacePassword(trx: Knex.Transaction, user: { id: string; email: string }, passwordHash: string): Promise<number> {
  await trx(tables.users).where({ id: user.id }).update({ password_hash: passwordHash, password_changed_at: trx.raw('now()'), updated_at: trx.raw('now()') });
  await clearFailures(trx, user.email);
  return revokeUserSessions(trx, user.id);
}

/** An admin's reset of someone's password (platform admins only). Audited as `user.password_reset`. */
export async function setPassword(knex: Knex, actor: Principal, id: unknown, passwordInput: unknown): Promise<void> {
  requirePlatformAdmin(actor);
  const password = checkNewPassword(passwordInput);
  const user = isUuid(id) ? await knex(tables.users).where({ id }).first('id', 'email') as { id: string; email: string } | undefined : undefined;
  if (!user) throw new TesseraError('NOT_FOUND', { what: 'user' });
  const passwordHash = await hashPassword(password);
  await knex.transaction(async (trx) => {
    const sessionsEnded = await replacePassword(trx, user, passwordHash);
    await appendPlatformAudit(trx, { action: 'user.password_reset', principal: actor, target: user.email, details: { userId: user.id, sessionsEnded } });
  });
}
