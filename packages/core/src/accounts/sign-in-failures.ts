import type { Knex } from 'knex';
import { tables } from './tables.js';

/** 5 failures within 15 minutes lock an email for 15 minutes, whether or not it has an account. */
export const lockout = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 } as const;

interface FailureRow {
  failures: number;
  locked: boolean;
  stale: boolean;
}

/**
 * Takes one attempt for an email before its password is checked, or refuses it (false) while the
 * email is locked. Counting before checking, under a row lock, means parallel guesses cannot all
 * slip through before the first failure is written: an attempt counts as a failure until a
 * success clears the row, so a 6th attempt while 5 are still being checked is refused too. Only
 * real failures (recordFailure) set the 15-minute lock: a burst of correct sign-ins of one account
 * may see a refusal, never a lock. The count restarts once the window (or the lock) has passed.
 */
export function reserveAttempt(knex: Knex, email: string): Promise<boolean> {
  return knex.transaction(async (trx) => {
    await trx.raw(`INSERT INTO ${tables.signInFailures} (email, failures, first_failure_at) VALUES (?, 0, now()) ON CONFLICT (email) DO NOTHING`, [email]);
    const { rows: [row] } = await trx.raw(`SELECT failures, coalesce(locked_until > now(), false) AS locked,
        (locked_until IS NOT NULL AND locked_until <= now()) OR first_failure_at <= now() - ? * interval '1 second' AS stale
      FROM ${tables.signInFailures} WHERE email = ? FOR UPDATE`, [lockout.windowSeconds, email]) as { rows: FailureRow[] };
    if (row!.locked) return false;
    const failures = trx(tables.signInFailures).where({ email });
    if (row!.stale) await failures.update({ failures: 1, first_failure_at: trx.raw('now()'), locked_until: null });
    else if (row!.failures >= lockout.maxFailures) return false;
    else await failures.update({ failures: row!.failures + 1 });
    return true;
  });
}

/** After a failed check: locks the email when this was the 5th failure. Answers the count and whether it is locked. */
export async function recordFailure(knex: Knex, email: string): Promise<{ failures: number; locked: boolean }> {
  const { rows: [row] } = await knex.raw(`UPDATE ${tables.signInFailures}
      SET locked_until = CASE WHEN failures >= ? AND locked_until IS NULL THEN now() + ? * interval '1 second' ELSE locked_until END
    WHERE email = ? RETURNING failures, locked_until IS NOT NULL AS locked`, [lockout.maxFailures, lockout.lockSeconds, email]) as { rows: { failures: number; locked: boolean }[] };
  return row ?? { failures: 0, locked: false };
}

/** After a success (or an admin reset): forgets the email's failures. */
export async function clearFailures(knex: Knex, email: string): Promise<void> {
  await knex(tables.signInFailures).where({ email }).delete();
}
