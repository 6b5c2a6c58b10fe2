import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { TesseraError, fieldError } from '../errors/index.js';
import { normalizeEmail } from './email-address.js';
import { hashPassword } from './password-hash.js';
import { checkNewPassword } from './password-policy.js';
import { requirePlatformAdmin } from './principal-checks.js';
import { tables } from './tables.js';
import { readFlag, readObject, readText } from './text-input.js';
import { toUser, userColumns, type User, type UserRow } from './user.js';

/** What creating a user takes (from a request body: checked here). */
export interface NewUser {
  email?: unknown;
  name?: unknown;
  password?: unknown;
  platformAdmin?: unknown;
}

/**
 * Creates a user (platform admins only): email trimmed and lower-cased, password argon2id. A taken
 * email is 409 UNIQUE_VIOLATION on `email`. Audited as `user.created` in the same transaction.
 */
export async function createUser(knex: Knex, actor: Principal, input: NewUser): Promise<User> {
  requirePlatformAdmin(actor);
  const body = readObject(input, ['email', 'name', 'password', 'platformAdmin']);
  const email = normalizeEmail(body.email);
  const name = readText(body.name, 'name');
  const password = checkNewPassword(body.password);
  const platformAdmin = readFlag(body.platformAdmin, 'platformAdmin') ?? false;
  const passwordHash = await hashPassword(password);
  return knex.transaction(async (trx) => {
    const [row] = await trx(tables.users).insert({ email, name, password_hash: passwordHash, platform_admin: platformAdmin })
      .onConflict('email').ignore().returning([...userColumns]) as UserRow[];
    if (!row) throw new TesseraError('UNIQUE_VIOLATION', { field: 'email' }, { errors: [fieldError('/email', 'unique')], details: { field: 'email' } });
    await appendPlatformAudit(trx, { action: 'user.created', principal: actor, target: email, details: { userId: row.id, platformAdmin } });
    return toUser(row);
  });
}
