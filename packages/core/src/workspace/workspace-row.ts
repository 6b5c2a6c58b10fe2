import type { Knex } from 'knex';
import type { Blueprint } from '../documents/index.js';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';

/** A workspace as platform administration sees it: archived or not. */
export interface WorkspaceRow {
  id: number;
  slug: string;
  schema: string;
  name: string | null;
  template: string | null;
  settings: Record<string, unknown>;
  blueprint: Blueprint;
  version: number;
  archivedAt: string | null;
  createdAt: string;
}

/** The columns read for a WorkspaceRow. */
export const workspaceColumns = ['id', 'slug', 'schema_name', 'name', 'template', 'settings', 'blueprint', 'blueprint_version', 'archived_at', 'created_at'] as const;

/** Turns a row of tessera.workspaces (read with workspaceColumns) into a WorkspaceRow. */
export function toWorkspaceRow(row: Record<string, unknown>): WorkspaceRow {
  return {
    id: Number(row.id), slug: String(row.slug), schema: String(row.schema_name),
    name: (row.name as string | null) ?? null, template: (row.template as string | null) ?? null,
    settings: (row.settings as Record<string, unknown> | null) ?? {}, blueprint: row.blueprint as Blueprint,
    version: Number(row.blueprint_version), archivedAt: (row.archived_at as string | null) ?? null, createdAt: String(row.created_at),
  };
}

/**
 * Reads a workspace, archived or not, or NOT_FOUND. `lock` takes a row lock for the rest of the
 * transaction: 'update' to change the row, 'share' to keep a migration from changing it meanwhile.
 */
export async function readWorkspaceRow(knex: Knex, slug: string, lock?: 'update' | 'share'): Promise<WorkspaceRow> {
  let query = knex(`${platformSchema}.workspaces`).where({ slug }).where('blueprint_version', '>', 0).first(...workspaceColumns);
  if (lock === 'update') query = query.forUpdate();
  if (lock === 'share') query = query.forShare();
  const row = await query as Record<string, unknown> | undefined;
  if (!row) throw new TesseraError('NOT_FOUND', { what: `workspace ${slug.slice(0, 64)}` });
  return toWorkspaceRow(row);
}
