import type { Knex } from 'knex';
import { hasColumn, type Field, type ObjectDefinition } from '../documents/index.js';
import { columnDefaultSql, columnType, timestampType } from './column-sql.js';
import { qualified, quoteIdent } from './sql-identifiers.js';
import { platformSchema } from '../db/index.js';
import { auditTable, consentsTable, duplicateTables, importTables, outboxTable, savedViewsTable } from './physical-names.js';
import { encryptedColumns } from './encrypted-storage.js';
import { createBlindIndex, envelopeCheckSql } from './encryption-steps.js';

/** The SQL of one column definition (type, NOT NULL, DEFAULT). */
export function columnSql(schema: string, objectId: string, field: Field, timezone: string): string {
  const parts = [quoteIdent(field.name), columnType(field)];
  const defaultSql = columnDefaultSql(schema, objectId, field, timezone);
  if (defaultSql !== undefined) parts.push(`DEFAULT ${defaultSql}`);
  if (field.required || field.type === 'autonumber') parts.push('NOT NULL');
  return parts.join(' ');
}

/**
 * Creates an object's table: system columns, then one typed column per column field; an encrypted
 * field also gets its blind-index column (indexed) and the check that it holds envelopes only.
 */
export async function createObjectTable(trx: Knex, schema: string, object: ObjectDefinition, timezone: string): Promise<void> {
  const encrypted = encryptedColumns(object);
  const columns = [
    'id uuid PRIMARY KEY DEFAULT gen_random_uuid()',
    `created_at ${timestampType} NOT NULL DEFAULT now()`,
    `updated_at ${timestampType} NOT NULL DEFAULT now()`,
    'created_by text',
    'updated_by text',
    // The user who owns the record (the creator unless set): row rules such as "owner is me" use it.
    'owner_id text',
    'version integer NOT NULL DEFAULT 1',
    `deleted_at ${timestampType}`,
    ...object.fields.filter(hasColumn).map((field) => columnSql(schema, object.id, field, timezone)),
    ...encrypted.map((column) => `${quoteIdent(column.indexColumn)} text`),
    ...encrypted.map((column) => envelopeCheckSql(object.id, column.field)),
  ];
  await trx.raw(`CREATE TABLE ${qualified(schema, object.name)} (${columns.join(', ')})`);
  for (const column of encrypted) await createBlindIndex(trx, schema, object.name, object.id, column.field);
}

/** Creates the join table of a many_to_many field; both sides cascade on hard delete. */
export async function createJoinTable(trx: Knex, schema: string, table: string, source: string, target: string, indexName: string): Promise<void> {
  await trx.raw(`CREATE TABLE ${qualified(schema, table)} (
    source_id uuid NOT NULL REFERENCES ${qualified(schema, source)}(id) ON DELETE CASCADE,
    target_id uuid NOT NULL REFERENCES ${qualified(schema, target)}(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, target_id))`);
  await trx.raw(`CREATE INDEX ${quoteIdent(indexName)} ON ${qualified(schema, table)} (target_id)`);
}

/**
 * The workspace-wide tables, idempotent so that a workspace made by an older version gains what it
 * lacks: the outbox (events written in the same transaction as records), the audit log
 * (append-only: the platform's trigger function refuses UPDATE, DELETE and TRUNCATE), consents
 * and saved views.
 */
export function workspaceUpkeepStatements(schema: string): string[] {
  const audit = qualified(schema, auditTable);
  return [
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, outboxTable)} (
      id bigserial PRIMARY KEY,
      object text NOT NULL,
      record_id uuid,
      type text NOT NULL,
      payload jsonb NOT NULL,
      actor text,
      created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS ${audit} (
      id bigserial PRIMARY KEY,
      at timestamptz(3) NOT NULL DEFAULT now(),
      actor_id text,
      actor_label text,
      action text NOT NULL,
      object text,
      record_id uuid,
      changes jsonb,
      details jsonb,
      ip text,
      request_id text,
      channel text)`,
    // Every record write adds a row here, so its indexes are kept few and cheap: record ids (a
    // record's history), actors, and a BRIN on the time the rows are appended in.
    `CREATE INDEX IF NOT EXISTS audit_record ON ${audit} (record_id, id)`,
    `CREATE INDEX IF NOT EXISTS audit_by_actor ON ${audit} (actor_id, id DESC)`,
    `CREATE INDEX IF NOT EXISTS audit_time ON ${audit} USING brin (at)`,
    // A bulk creation (an import batch) logs one entry naming every record it created: found by id here.
    `CREATE INDEX IF NOT EXISTS audit_bulk_created ON ${audit} USING gin ((details -> 'created') jsonb_path_ops) WHERE action = 'record.import'`,
    // Consent per person, channel and purpose, as a history: the latest row of each is the state.
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, consentsTable)} (
      id bigserial PRIMARY KEY,
      object text NOT NULL,
      record_id uuid NOT NULL,
      channel text NOT NULL,
      purpose text NOT NULL,
      status text NOT NULL CHECK (status IN ('granted', 'withdrawn')),
      source text,
      at timestamptz(3) NOT NULL DEFAULT now(),
      actor_id text)`,
    `CREATE INDEX IF NOT EXISTS consents_by_record ON ${qualified(schema, consentsTable)} (object, record_id, channel, purpose, id DESC)`,
    // Saved list views: runtime data of the members (not the blueprint), found by the object's
    // stable id and the owner; `refs` holds the ids behind the names the document uses (renames).
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, savedViewsTable)} (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id text NOT NULL,
      shared boolean NOT NULL DEFAULT false,
      object_id text NOT NULL,
      document jsonb NOT NULL,
      refs jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`,
    `CREATE INDEX IF NOT EXISTS saved_views_by_object ON ${qualified(schema, savedViewsTable)} (object_id, owner_id)`,
    // Imports (import/): each import, then per committed batch what it created and what it changed
    // (the undo log; the last batch is also the resume point), and its rejected rows (the error file).
    // Old values and rejected rows hold personal data: they are stored sealed with the key ring.
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, importTables.imports)} (
      id uuid PRIMARY KEY,
      object text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'canceled', 'undone')),
      file jsonb NOT NULL,
      mapping jsonb NOT NULL,
      language text NOT NULL,
      batch_size integer NOT NULL,
      rows_done integer NOT NULL DEFAULT 0,
      rows_total integer,
      counts jsonb NOT NULL,
      error jsonb,
      cancel_requested boolean NOT NULL DEFAULT false,
      created_by text NOT NULL,
      created_by_label text,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      started_at timestamptz(3),
      finished_at timestamptz(3),
      undone_at timestamptz(3))`,
    `CREATE INDEX IF NOT EXISTS imports_by_time ON ${qualified(schema, importTables.imports)} (created_at DESC)`,
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, importTables.batches)} (
      import_id uuid NOT NULL REFERENCES ${qualified(schema, importTables.imports)}(id) ON DELETE CASCADE,
      batch integer NOT NULL,
      rows_done integer NOT NULL,
      created uuid[] NOT NULL,
      changed text,
      PRIMARY KEY (import_id, batch))`,
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, importTables.rejects)} (
      import_id uuid NOT NULL REFERENCES ${qualified(schema, importTables.imports)}(id) ON DELETE CASCADE,
      row_number integer NOT NULL,
      sealed text NOT NULL,
      PRIMARY KEY (import_id, row_number))`,
    // Mapping templates: a team's saved mappings per object, by name.
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, importTables.templates)} (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      object text NOT NULL,
      name text NOT NULL,
      mapping jsonb NOT NULL,
      created_by text NOT NULL,
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (object, name))`,
    // The duplicates review queue: an import row that probably duplicates a stored record (its
    // mapped values sealed, as rejected rows are), or two stored records a dedupe run found alike.
    // A pair of stored records is proposed once: kept apart, it is not proposed again.
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, duplicateTables.runs)} (
      id uuid PRIMARY KEY,
      object text NOT NULL,
      rule jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      records_done integer NOT NULL DEFAULT 0,
      records_total integer,
      pairs integer NOT NULL DEFAULT 0,
      error jsonb,
      created_by text NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      finished_at timestamptz(3))`,
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, duplicateTables.pairs)} (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      object text NOT NULL,
      import_id uuid REFERENCES ${qualified(schema, importTables.imports)}(id) ON DELETE CASCADE,
      row_number integer,
      incoming text,
      run_id uuid REFERENCES ${qualified(schema, duplicateTables.runs)}(id) ON DELETE SET NULL,
      record_id uuid,
      candidate_id uuid NOT NULL,
      score real NOT NULL,
      similarity jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'created', 'skipped', 'kept_apart')),
      result_id uuid,
      resolved_by text,
      resolved_at timestamptz(3),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      CHECK ((import_id IS NOT NULL AND row_number IS NOT NULL AND incoming IS NOT NULL) OR record_id IS NOT NULL))`,
    `CREATE UNIQUE INDEX IF NOT EXISTS duplicates_import_row ON ${qualified(schema, duplicateTables.pairs)} (import_id, row_number) WHERE import_id IS NOT NULL`,
    `CREATE UNIQUE INDEX IF NOT EXISTS duplicates_stored_pair ON ${qualified(schema, duplicateTables.pairs)} (object, least(record_id, candidate_id), greatest(record_id, candidate_id)) WHERE record_id IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS duplicates_queue ON ${qualified(schema, duplicateTables.pairs)} (object, status, score DESC)`,
    `CREATE OR REPLACE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ${audit} FOR EACH ROW EXECUTE FUNCTION ${platformSchema}.refuse_change()`,
    `CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON ${audit} FOR EACH STATEMENT EXECUTE FUNCTION ${platformSchema}.refuse_change()`,
  ];
}

/** Creates a workspace's schema and its workspace-wide tables. */
export async function createWorkspaceSchema(trx: Knex, schema: string): Promise<void> {
  await trx.raw(`CREATE SCHEMA ${quoteIdent(schema)}`);
  for (const statement of workspaceUpkeepStatements(schema)) await trx.raw(statement);
}
