import type { Knex } from 'knex';
import { secretHash } from './secret-token.js';
import { tables } from './tables.js';

/** Ends one session (sign-out); answers whether a live one was ended. */
export async function revokeSession(knex: Knex, token: string): Promise<boolean> {
  const ended = await knex(tables.sessions).where({ token_hash: secretHash(token) }).whereNull('revoked_at').update({ revoked_at: knex.raw('now()') });
  return ended > 0;
}

/** Ends every live session of a user (password change or reset, suspension); answers how many. */
export function revokeUserSessions(knex: Knex, userId: string): Promise<number> {
  return knex(tables.sessions).where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: knex.raw('now()') });
}
