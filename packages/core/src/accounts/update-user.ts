import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import { lockPlatformAdmins, otherActiveAdmins } from './admin-lock.js';
import { requirePlatformAdmin } from './principal-checks.js';
import { revokeUserSessions } from './revoke-sessions.js';
import { tables } from './tables.js';
import { readFlag, readObject, readText } from './text-input.js';
import { isUuid, toUser, userColumns, type User, type UserRow } from './user.js';

/** What an admin may change on a user. */
export interface UserChanges {
  name?: unknown;
  platformAdmin?: unknown;
  suspended?: unknown;
}

function readChanges(input: unknown): { name?: string; platformAdmin?: boolean; suspended?: boolean } {
  const body = readObject(input, ['name', 'platformAdmin', 'suspended']);
  const changes = {
    ...(body.name !== undefined ? { name: readText(body.name, 'name') } : {}),
    ...(body.platformAdmin !== undefined ? { platformAdmin: readFlag(body.platformAdmin, 'platformAdmin') } : {}),
    ...(body.suspended !== undefined ? { suspended: readFlag(body.suspended, 'suspended') } : {}),
  };
  if (Object.keys(changes).length === 0) throw new TesseraError('BAD_REQUEST', { reason: 'nothing to change: give name, platformAdmin or suspended' });
  return changes;
}

/**
 * Renames, promotes or demotes, suspends or reinstates a user (platform admins only). Suspending
 * ends every session of the user at once; the user's API keys stay but stop working while the user
 * is suspended (resolveApiKey checks), and work again on reinstatement. The last active platform
 * admin cannot be demoted or suspended (409 LAST_ADMIN). Audited as `user.updated`.
 */
export async function updateUser(knex: Knex, actor: Principal, id: unknown, input: UserChanges): Promise<User> {
  requirePlatformAdmin(actor);
  const changes = readChanges(input);
  if (!isUuid(id)) throw new TesseraError('NOT_FOUND', { what: 'user' });
  return knex.transaction(async (trx) => {
    await lockPlatformAdmins(trx);
    const before = await trx(tables.users).where({ id }).forUpdate().first(...userColumns) as UserRow | undefined;
    if (!before) throw new TesseraError('NOT_FOUND', { what: 'user' });
    const removesAdmin = before.platform_admin && before.suspended_at === null && (changes.platformAdmin === false || changes.suspended === true);
    if (removesAdmin && (await otherActiveAdmins(trx, tables.users, id)) === 0) throw new TesseraError('LAST_ADMIN');
    const suspends = changes.suspended === true && before.suspended_at === null;
    const [row] = await trx(tables.users).where({ id }).update({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.platformAdmin !== undefined ? { platform_admin: changes.platformAdmin } : {}),
      ...(suspends ? { suspended_at: trx.raw('now()') } : {}),
      ...(changes.suspended === false ? { suspended_at: null } : {}),
      updated_at: trx.raw('now()'),
    }).returning([...userColumns]) as UserRow[];
    const sessionsEnded = suspends ? await revokeUserSessions(trx, id) : 0;
    await appendPlatformAudit(trx, { action: 'user.updated', principal: actor, target: before.email, details: { userId: id, ...changes, sessionsEnded } });
    return toUser(row!);
  });
}
