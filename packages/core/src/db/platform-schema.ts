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
  // Workspace administration (access/README.md): a display name, archiving, settings.
  `ALTER TABLE ${platformSchema}.workspaces ADD COLUMN IF NOT EXISTS name text`,
  `ALTER TABLE ${platformSchema}.workspaces ADD COLUMN IF NOT EXISTS template text`,
  `ALTER TABLE ${platformSchema}.workspaces ADD COLUMN IF NOT EXISTS settings jsonb NOT NULL DEFAULT '{}'`,
  `ALTER TABLE ${platformSchema}.workspaces ADD COLUMN IF NOT EXISTS archived_at timestamptz`,
  // Accounts: users, studio sessions, API keys, failed sign-ins (kept per email, known or not).
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.users (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     email text NOT NULL UNIQUE,
     name text NOT NULL,
     password_hash text NOT NULL,
     platform_admin boolean NOT NULL DEFAULT false,
     locale text NOT NULL DEFAULT 'zh-CN',
     suspended_at timestamptz,
     password_changed_at timestamptz NOT NULL DEFAULT now(),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.sessions (
     token_hash text PRIMARY KEY,
     user_id uuid NOT NULL REFERENCES ${platformSchema}.users(id) ON DELETE CASCADE,
     csrf_token text NOT NULL,
     ip text,
     user_agent text,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz)`,
  `CREATE INDEX IF NOT EXISTS sessions_by_user ON ${platformSchema}.sessions (user_id)`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.api_keys (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     user_id uuid NOT NULL REFERENCES ${platformSchema}.users(id) ON DELETE CASCADE,
     name text NOT NULL,
     secret_hash text NOT NULL,
     scopes text[] NOT NULL,
     workspace_id bigint REFERENCES ${platformSchema}.workspaces(id) ON DELETE CASCADE,
     expires_at timestamptz,
     last_used_at timestamptz,
     revoked_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.sign_in_failures (
     email text PRIMARY KEY,
     failures integer NOT NULL,
     first_failure_at timestamptz NOT NULL,
     locked_until timestamptz)`,
  // Access: a user's role (and teams, regions) in a workspace; the workspace's own role documents.
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.memberships (
     user_id uuid NOT NULL REFERENCES ${platformSchema}.users(id) ON DELETE CASCADE,
     workspace_id bigint NOT NULL REFERENCES ${platformSchema}.workspaces(id) ON DELETE CASCADE,
     role text NOT NULL,
     teams text[] NOT NULL DEFAULT '{}',
     regions text[] NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (workspace_id, user_id))`,
  `CREATE INDEX IF NOT EXISTS memberships_by_user ON ${platformSchema}.memberships (user_id)`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.roles (
     workspace_id bigint NOT NULL REFERENCES ${platformSchema}.workspaces(id) ON DELETE CASCADE,
     name text NOT NULL,
     document jsonb NOT NULL,
     updated_by text NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (workspace_id, name))`,
  // Append-only logs: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks.
  `CREATE OR REPLACE FUNCTION ${platformSchema}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $body$
     BEGIN RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege'; END $body$`,
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.platform_audit (
     id bigserial PRIMARY KEY,
     at timestamptz(3) NOT NULL DEFAULT now(),
     actor_id text,
     actor_label text,
     action text NOT NULL,
     target text,
     workspace_id bigint,
     ip text,
     request_id text,
     details jsonb NOT NULL DEFAULT '{}')`,
  `CREATE INDEX IF NOT EXISTS platform_audit_by_time ON ${platformSchema}.platform_audit (at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS platform_audit_by_actor ON ${platformSchema}.platform_audit (actor_id, at DESC)`,
  `CREATE OR REPLACE TRIGGER platform_audit_append_only BEFORE UPDATE OR DELETE ON ${platformSchema}.platform_audit FOR EACH ROW EXECUTE FUNCTION ${platformSchema}.refuse_change()`,
  `CREATE OR REPLACE TRIGGER platform_audit_no_truncate BEFORE TRUNCATE ON ${platformSchema}.platform_audit FOR EACH STATEMENT EXECUTE FUNCTION ${platformSchema}.refuse_change()`,
  // Background jobs (jobs/): claimed with SKIP LOCKED under a lease that the worker renews; a job
  // whose lease ran out (its process died) is claimed again and resumes from its own checkpoint.
  `CREATE TABLE IF NOT EXISTS ${platformSchema}.jobs (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     kind text NOT NULL,
     workspace_id bigint REFERENCES ${platformSchema}.workspaces(id) ON DELETE CASCADE,
     payload jsonb NOT NULL DEFAULT '{}',
     state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
     attempts integer NOT NULL DEFAULT 0,
     max_attempts integer NOT NULL DEFAULT 5,
     run_after timestamptz NOT NULL DEFAULT now(),
     locked_by text,
     locked_until timestamptz,
     error jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     finished_at timestamptz)`,
  `CREATE INDEX IF NOT EXISTS jobs_claimable ON ${platformSchema}.jobs (run_after) WHERE state IN ('queued', 'running')`,
  // What a job reports of itself while it runs (a key rotation's counts), for status pages.
  `ALTER TABLE ${platformSchema}.jobs ADD COLUMN IF NOT EXISTS progress jsonb`,
  // Whether a text is a real date or instant ('2024-02-30' has the shape of a date but is none):
  // migration checks count such rows, so a text field can become a date without the cast failing.
  ...(['date', 'timestamptz'] as const).map((type) => `CREATE OR REPLACE FUNCTION ${platformSchema}.is_${type}(value text) RETURNS boolean
     LANGUAGE plpgsql STABLE AS $body$ BEGIN PERFORM value::${type}; RETURN true; EXCEPTION WHEN others THEN RETURN false; END $body$`),
];

/**
 * Creates the platform tables when missing, then runs `upgrade` (workspace upkeep) under the same
 * advisory lock, so that several processes starting together do not race on CREATE ... IF NOT EXISTS.
 */
export async function ensurePlatformSchema(knex: Knex, upgrade?: (trx: Knex) => Promise<void>): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(7204341)');
    for (const statement of statements) await trx.raw(statement);
    if (upgrade) await upgrade(trx);
  });
}
