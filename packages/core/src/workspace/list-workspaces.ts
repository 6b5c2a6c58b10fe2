import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import { toWorkspaceRow, workspaceColumns, type WorkspaceRow } from './workspace-row.js';

/** One line of the platform's workspace list. */
export interface WorkspaceSummary {
  slug: string;
  /** The display name; null for a workspace made before names existed (by the CLI). */
  name: string | null;
  template: string | null;
  /** The live blueprint's version. */
  version: number;
  archivedAt: string | null;
  createdAt: string;
}

/** The summary of one workspace row. */
export function summarize(row: WorkspaceRow): WorkspaceSummary {
  return { slug: row.slug, name: row.name, template: row.template, version: row.version, archivedAt: row.archivedAt, createdAt: row.createdAt };
}

/** Every workspace by slug; archived ones only when asked for. */
export async function listWorkspaces(knex: Knex, options: { includeArchived?: boolean } = {}): Promise<WorkspaceSummary[]> {
  let query = knex(`${platformSchema}.workspaces`).where('blueprint_version', '>', 0).select(...workspaceColumns.filter((column) => column !== 'blueprint')).orderBy('slug');
  if (!options.includeArchived) query = query.whereNull('archived_at');
  const rows = await query as Record<string, unknown>[];
  return rows.map((row) => summarize(toWorkspaceRow(row)));
}
