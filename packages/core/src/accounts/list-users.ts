import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { TesseraError } from '../errors/index.js';
import { requirePlatformAdmin } from './principal-checks.js';
import { tables } from './tables.js';
import { isUuid, toUser, userColumns, type User, type UserRow } from './user.js';

/** Every user, by email (platform admins only). */
export async function listUsers(knex: Knex, actor: Principal): Promise<User[]> {
  requirePlatformAdmin(actor);
  const rows = await knex(tables.users).select(...userColumns).orderBy('email') as UserRow[];
  return rows.map(toUser);
}

/** One user: a platform admin may read anyone, a user themselves; anything else is 404 NOT_FOUND. */
export async function getUser(knex: Knex, actor: Principal, id: unknown): Promise<User> {
  if (actor.userId !== id) requirePlatformAdmin(actor);
  const row = isUuid(id) ? await knex(tables.users).where({ id }).first(...userColumns) as UserRow | undefined : undefined;
  if (!row) throw new TesseraError('NOT_FOUND', { what: 'user' });
  return toUser(row);
}
