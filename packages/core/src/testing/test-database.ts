import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, ensurePlatformSchema, type Database } from '../db/index.js';

/**
 * A fresh, empty database for one test file: a new database on the PostgreSQL server when
 * DATABASE_URL is set (dropped on close), otherwise an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await ensurePlatformSchema(database.knex);
    return database;
  }
  const name = `tessera_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await ensurePlatformSchema(database.knex);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
