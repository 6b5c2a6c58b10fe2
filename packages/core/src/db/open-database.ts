import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { timestampToIso, timestamptzOid } from './timestamp-text.js';

/** Which PostgreSQL runs underneath: the embedded WASM build or a server. */
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: a knex instance over PGlite or a PostgreSQL server. */
export interface Database {
  kind: DatabaseKind;
  knex: Knex;
  close(): Promise<void>;
}

/** Where to connect: a PostgreSQL URL, else PGlite in a directory (or in memory when none). */
export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
}

const oids = { int8: 20, date: 1082 };

// Sessions run in UTC and plan every prepared statement for its own values (data/read-rows.ts).
// Dates stay 'YYYY-MM-DD' (no time zone shift); timestamps become ISO 8601 UTC strings (sessions
// run in UTC, whatever the server's default); int8 becomes a number (values are kept within 2^53).
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === oids.date) return (value: string) => value;
    if (oid === timestamptzOid) return timestampToIso;
    if (oid === oids.int8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(databaseUrl: string): Database {
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: databaseUrl, types: pgTypes, options: '-c TimeZone=UTC -c plan_cache_mode=force_custom_plan' } as Knex.PgConnectionConfig,
    pool: { min: 0, max: 10 },
  });
  return { kind: 'postgres', knex, close: () => knex.destroy() };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ?? 'memory://', { parsers: { [pgliteTypes.DATE]: (value: string) => value, [timestamptzOid]: timestampToIso } });
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  const knex = knexFactory({ client: ClientPgLite as unknown as typeof Knex.Client, connection: () => ({ pglite }) } as Knex.Config);
  return { kind: 'pglite', knex, close: async () => { await knex.destroy(); if (!pglite.closed) await pglite.close(); } };
}

/** Opens PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}
