import type { Knex } from 'knex';
import { TesseraError } from '../errors/index.js';
import { platformSchema } from '../db/index.js';
import { createWorkspaceSchema } from './create-table.js';
import { workspaceSchemaName } from './physical-names.js';
import { applyMigration, type MigrationResult } from './migrate.js';

const slugPattern = /^[a-z][a-z0-9_]{0,39}$/;

/** Creates a workspace (its own PostgreSQL schema) and applies its first blueprint, atomically. */
export async function createWorkspace(knex: Knex, slug: string, blueprint: unknown, actor: string): Promise<MigrationResult> {
  if (!slugPattern.test(slug)) throw new TesseraError('BAD_REQUEST', { reason: 'a workspace slug is 1-40 characters of a-z, 0-9 and _, starting with a letter' });
  return knex.transaction(async (trx) => {
    const existing = await trx(`${platformSchema}.workspaces`).where({ slug }).first();
    if (existing) throw new TesseraError('UNIQUE_VIOLATION', { field: 'slug' });
    const schema = workspaceSchemaName(slug);
    await trx(`${platformSchema}.workspaces`).insert({ slug, schema_name: schema, blueprint: JSON.stringify({}), blueprint_version: 0 });
    await createWorkspaceSchema(trx, schema);
    return applyMigration(trx, slug, blueprint, { actor, comment: 'created' });
  });
}
