import type { Knex } from 'knex';
import { asSystem, type Principal } from '../access/index.js';
import type { Database } from '../db/index.js';
import { openTestDatabase } from '../testing/index.js';
import { Accounts } from './accounts.js';
import type { User } from './user.js';

/** What the accounts tests share: a fresh database, Accounts over it, and a system principal. */
export interface AccountsFixture {
  database: Database;
  knex: Knex;
  accounts: Accounts;
  system: Principal;
  /** Creates a user with a password of its own (returned) through createUser in system mode. */
  addUser(email: string, options?: { platformAdmin?: boolean; name?: string }): Promise<{ user: User; password: string }>;
  close(): Promise<void>;
}

/** For tests: Accounts over a fresh test database (PGlite, or PostgreSQL with DATABASE_URL). */
export async function openAccountsFixture(): Promise<AccountsFixture> {
  const database = await openTestDatabase();
  // No principal cache: these tests change tokens with SQL behind the accounts' back.
  const accounts = new Accounts(database.knex, { principalCacheMs: 0 });
  const system = asSystem('test');
  return {
    database, knex: database.knex, accounts, system,
    async addUser(email, options = {}) {
      const password = `pw-${email}-secret`;
      const user = await accounts.createUser(system, { email, name: options.name ?? email.split('@')[0], password, platformAdmin: options.platformAdmin ?? false });
      return { user, password };
    },
    close: () => database.close(),
  };
}
