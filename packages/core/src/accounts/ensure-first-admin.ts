import type { Knex } from 'knex';
import { asSystem } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { lockPlatformAdmins } from './admin-lock.js';
import { normalizeEmail } from './email-address.js';
import { hashPassword } from './password-hash.js';
import { checkNewPassword } from './password-policy.js';
import { randomSecret } from './secret-token.js';
import { tables } from './tables.js';

/** The email of the first platform admin when TESSERA_ADMIN_EMAIL is not set. */
export const defaultAdminEmail = 'admin@tessera.local';

/** What startup did about the first admin. `generatedPassword` is there only when one was made up. */
export type FirstAdmin =
  | { outcome: 'exists' }
  | { outcome: 'created'; email: string; generatedPassword?: string }
  | { outcome: 'promoted'; email: string };

async function anyAdmin(knex: Knex): Promise<boolean> {
  return (await knex(tables.users).where({ platform_admin: true }).first('id')) !== undefined;
}

/**
 * At startup, when no platform admin exists: creates one with `email` (default
 * admin@tessera.local) and `password`, or a generated 24-character password the caller shows once.
 * A user who already has that email is made platform admin instead (password untouched). When an
 * admin exists, does nothing. Runs in system mode, audited; safe when several processes start.
 */
export async function ensureFirstAdmin(knex: Knex, options: { email?: string; password?: string } = {}): Promise<FirstAdmin> {
  if (await anyAdmin(knex)) return { outcome: 'exists' };
  const email = normalizeEmail(options.email || defaultAdminEmail);
  const generatedPassword = options.password ? undefined : randomSecret(18);
  const passwordHash = await hashPassword(options.password ? checkNewPassword(options.password) : generatedPassword!);
  const system = asSystem('first-admin');
  return knex.transaction(async (trx): Promise<FirstAdmin> => {
    await lockPlatformAdmins(trx);
    if (await anyAdmin(trx)) return { outcome: 'exists' };
    const promoted = await trx(tables.users).where({ email }).update({ platform_admin: true, updated_at: trx.raw('now()') });
    if (promoted > 0) {
      await appendPlatformAudit(trx, { action: 'user.updated', principal: system, target: email, details: { platformAdmin: true } });
      return { outcome: 'promoted', email };
    }
    await trx(tables.users).insert({ email, name: 'Administrator', password_hash: passwordHash, platform_admin: true });
    await appendPlatformAudit(trx, { action: 'user.created', principal: system, target: email, details: { platformAdmin: true } });
    return { outcome: 'created', email, ...(generatedPassword ? { generatedPassword } : {}) };
  });
}
