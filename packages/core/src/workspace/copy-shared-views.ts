import type { Knex } from 'knex';
import { qualified, savedViewsTable } from '../schema/index.js';

/**
 * Copies the shared saved views of a workspace into its clone: they are set up for the team like
 * the blueprint's own views, and name objects and fields by the ids the clone keeps. Personal
 * views stay behind with the memberships of their owners. Returns how many were copied.
 */
export async function copySharedViews(trx: Knex, from: string, to: string): Promise<number> {
  const columns = 'id, owner_id, shared, object_id, document, refs, version, created_at, updated_at';
  const result = await trx.raw(`INSERT INTO ${qualified(to, savedViewsTable)} (${columns}) SELECT ${columns} FROM ${qualified(from, savedViewsTable)} WHERE shared`) as { rowCount: number };
  return Number(result.rowCount);
}
