import type { Knex } from 'knex';
import type { RequestSource } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { createSession } from './create-session.js';
import { normalizeEmail } from './email-address.js';
import { verifyDummyPassword, verifyPassword } from './password-hash.js';
import { checkGivenPassword } from './password-policy.js';
import { clearFailures, reserveAttempt } from './sign-in-failures.js';
import { refuseCredentials, refuseLocked } from './sign-in-refusals.js';
import { tables } from './tables.js';
import { toUser, userColumns, type User, type UserRow } from './user.js';
import { userPrincipal } from './user-principal.js';

/** A successful sign-in: the user, the session token for the cookie and the CSRF token. */
export interface SignedIn {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

type Candidate = UserRow & { password_hash: string };

/**
 * Signs in with an email and a password. An unknown email is checked against a dummy hash and a
 * suspended user's password is checked too, so every refusal is the same INVALID_CREDENTIALS in
 * the same time class; 5 failures lock the email (ACCOUNT_LOCKED). The session, the cleared
 * failures and the audit row are written in one transaction.
 */
export async function signIn(knex: Knex, emailInput: unknown, passwordInput: unknown, source: RequestSource = {}): Promise<SignedIn> {
  const email = normalizeEmail(emailInput);
  const password = checkGivenPassword(passwordInput);
  if (!(await reserveAttempt(knex, email))) return refuseLocked(knex, email, source);
  const candidate = await knex(tables.users).where({ email }).first(...userColumns, 'password_hash') as Candidate | undefined;
  const matches = candidate ? await verifyPassword(candidate.password_hash, password) : await verifyDummyPassword(password);
  if (!candidate || !matches || candidate.suspended_at !== null) {
    const reason = !candidate ? 'unknown_email' : !matches ? 'wrong_password' : 'suspended';
    return refuseCredentials(knex, email, source, 'auth.sign_in_failed', reason);
  }
  return knex.transaction(async (trx) => {
    await clearFailures(trx, email);
    const session = await createSession(trx, candidate.id, source);
    await appendPlatformAudit(trx, { action: 'auth.sign_in', principal: userPrincipal(candidate, source), target: email });
    return { user: toUser(candidate), ...session };
  });
}
