import type { Knex } from 'knex';
import type { RequestSource } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { lockout, recordFailure } from './sign-in-failures.js';

/** What a refused attempt's audit row says about where it came from. */
function origin(email: string, source: RequestSource) {
  return { target: email, ip: source.ip, requestId: source.requestId };
}

function userAgent(source: RequestSource): string | null {
  return source.userAgent?.slice(0, 200) ?? null;
}

/** Refuses an attempt on a locked email (audited as `auth.locked`): the same answer for known and unknown emails. */
export async function refuseLocked(knex: Knex, email: string, source: RequestSource): Promise<never> {
  await appendPlatformAudit(knex, { action: 'auth.locked', ...origin(email, source), details: { userAgent: userAgent(source) } });
  throw new TesseraError('ACCOUNT_LOCKED', { minutes: lockout.lockSeconds / 60 });
}

/**
 * Refuses a failed password check: counts the failure (locking the email at the 5th) and audits it
 * in one transaction, then answers INVALID_CREDENTIALS whatever the reason, which only the log keeps.
 */
export async function refuseCredentials(knex: Knex, email: string, source: RequestSource, action: string, reason: string): Promise<never> {
  await knex.transaction(async (trx) => {
    const { failures, locked } = await recordFailure(trx, email);
    await appendPlatformAudit(trx, { action, ...origin(email, source), details: { reason, failures, locked, userAgent: userAgent(source) } });
  });
  throw new TesseraError('INVALID_CREDENTIALS');
}
