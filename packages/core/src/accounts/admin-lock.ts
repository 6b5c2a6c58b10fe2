import type { Knex } from 'knex';

/**
 * Serialises changes to who is a platform admin (first-admin bootstrap, demotion, suspension) for
 * the rest of the caller's transaction, so two of them cannot both remove "the other" last admin.
 */
export async function lockPlatformAdmins(trx: Knex.Transaction): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(7204342)');
}

/** Active (not suspended) platform admins other than `exceptUserId`. */
export async function otherActiveAdmins(trx: Knex.Transaction, usersTable: string, exceptUserId?: string): Promise<number> {
  const query = trx(usersTable).where({ platform_admin: true }).whereNull('suspended_at');
  if (exceptUserId) query.whereNot({ id: exceptUserId });
  const [{ count }] = await query.count({ count: '*' }) as [{ count: string | number }];
  return Number(count);
}
