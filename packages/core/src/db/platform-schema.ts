import type { Knex } from 'knex';

/** The schema that holds platform tables (workspaces, document history, archives). */
export const platformSchema = 'tessera';

const statements = [
  `CREATE SCHEMA IF NOT EXISTS ${platformSchema}`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.workspaces (
     id bigserial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     schema_name text NOT NULL UNIQUE,
     blueprint jsonb NOT NULL,
     blueprint_version integer NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.blueprint_versions (
     workspace_id bigint NOT NULL REFERENCES ${platformSchema}.workspaces(id) ON DELETE CASCADE,
     version integer NOT NULL,
     blueprint jsonb NOT NULL,
     steps jsonb NOT NULL,
     applied_by text NOT NULL,
     applied_at timestamptz NOT NULL DEFAULT now(),
     comment text,
     PRIMARY KEY (workspace_id, version))`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.archives (
     id bigserial PRIMARY KEY,
     workspace_id bigint NOT NULL REFERENCES ${platformSchema}.workspaces(id) ON DELETE CASCADE,
     kind text NOT NULL CHECK (kind IN ('object', 'field')),
     object_id text NOT NULL,
     field_id text,
     physical_name text NOT NULL,
     definition jsonb NOT NULL,
     archived_in_version integer NOT NULL,
     archived_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX IF NOT EXISTS archives_lookup ON ${platformSchema}.archives (workspace_id, object_id, field_id)`,
  // Whether a text is a real date or instant ('2024-02-30' has the shape of a date but is none):
  // migration checks count such rows, so a text field can become a date without the cast failing.
  ...(['date', 'timestamptz'] as const).map((type) => `CREATE OR REPLACE FUNCTION ${platformSchema}.is_${type}(value text) RETURNS boolean
     LANGUAGE plpgsql STABLE AS $body$ BEGIN PERFORM value::${type}; RETURN true; EXCEPTION WHEN others THEN RETURN false; END $body$`),
];

/**
 * Creates the platform tables when missing. Guarded by an advisory lock so that several
 * processes starting together do not race on CREATE ... IF NOT EXISTS.
 */
export async function ensurePlatformSchema(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(7204341)');
    for (const statement of statements) await trx.raw(statement);
  });
}
