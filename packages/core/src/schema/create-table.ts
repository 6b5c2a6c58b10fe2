import type { Knex } from 'knex';
import { hasColumn, type Field, type ObjectDefinition } from '../documents/index.js';
import { columnDefaultSql, columnType, timestampType } from './column-sql.js';
import { qualified, quoteIdent } from './sql-identifiers.js';
import { outboxTable } from './physical-names.js';

/** The SQL of one column definition (type, NOT NULL, DEFAULT). */
export function columnSql(schema: string, objectId: string, field: Field, timezone: string): string {
  const parts = [quoteIdent(field.name), columnType(field)];
  const defaultSql = columnDefaultSql(schema, objectId, field, timezone);
  if (defaultSql !== undefined) parts.push(`DEFAULT ${defaultSql}`);
  if (field.required || field.type === 'autonumber') parts.push('NOT NULL');
  return parts.join(' ');
}

/** Creates an object's table: system columns, then one typed column per column field. */
export async function createObjectTable(trx: Knex, schema: string, object: ObjectDefinition, timezone: string): Promise<void> {
  const columns = [
    'id uuid PRIMARY KEY DEFAULT gen_random_uuid()',
    `created_at ${timestampType} NOT NULL DEFAULT now()`,
    `updated_at ${timestampType} NOT NULL DEFAULT now()`,
    'created_by text',
    'updated_by text',
    'version integer NOT NULL DEFAULT 1',
    `deleted_at ${timestampType}`,
    ...object.fields.filter(hasColumn).map((field) => columnSql(schema, object.id, field, timezone)),
  ];
  await trx.raw(`CREATE TABLE ${qualified(schema, object.name)} (${columns.join(', ')})`);
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

/** Creates a workspace's schema and its outbox (events written in the same transaction as records). */
export async function createWorkspaceSchema(trx: Knex, schema: string): Promise<void> {
  await trx.raw(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await trx.raw(`CREATE TABLE ${qualified(schema, outboxTable)} (
    id bigserial PRIMARY KEY,
    object text NOT NULL,
    record_id uuid,
    type text NOT NULL,
    payload jsonb NOT NULL,
    actor text,
    created_at timestamptz NOT NULL DEFAULT now())`);
}
