import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { checkGivenPassword, checkNewPassword } from './password-policy.js';
import { requireSessionUser } from './principal-checks.js';
import { replacePassword } from './set-password.js';
import { reserveAttempt } from './sign-in-failures.js';
import { refuseCredentials, refuseLocked } from './sign-in-refusals.js';
import { tables } from './tables.js';

/**
 * A signed-in user's own password change: the current password is checked like a sign-in (a
 * wrong one counts towards the email's lock-out, so a stolen session cannot guess it at leisure),
 * then every session of the user ends, the caller's own included. Audited as `auth.password_changed`.
 */
export async function changePassword(knex: Knex, principal: Principal, currentInput: unknown, nextInput: unknown): Promise<void> {
  requireSessionUser(principal);
  const current = checkGivenPassword(currentInput);
  const next = checkNewPassword(nextInput);
  const source = principal.source ?? {};
  const user = await knex(tables.users).where({ id: principal.userId }).first('id', 'email', 'password_hash') as { id: string; email: string; password_hash: string } | undefined;
  if (!user) throw new TesseraError('UNAUTHENTICATED');
  if (!(await reserveAttempt(knex, user.email))) return refuseLocked(knex, user.email, source);
  if (!(await verifyPassword(user.password_hash, current))) return refuseCredentials(knex, user.email, source, 'auth.password_change_failed', 'wrong_password');
  const passwordHash = await hashPassword(next);
  await knex.transaction(async (trx) => {
    const sessionsEnded = await replacePassword(trx, user, passwordHash);
    await appendPlatformAudit(trx, { action: 'auth.password_changed', principal, target: user.email, details: { sessionsEnded } });
  });
}
