import type { Knex } from 'knex';
import type { Blueprint } from '../documents/index.js';
import { platformSchema } from '../db/index.js';
import type { ArchiveRecord, SchemaState } from './schema-state.js';

/** A workspace row as the platform schema stores it. */
export interface WorkspaceRow {
  id: number;
  slug: string;
  schema_name: string;
  blueprint: Blueprint;
  blueprint_version: number;
}

/** Reads a live (not archived) workspace and locks it for the rest of the transaction (one migration at a time). */
export async function lockWorkspace(trx: Knex, slug: string): Promise<WorkspaceRow | undefined> {
  const row = await trx(`${platformSchema}.workspaces`).where({ slug }).whereNull('archived_at').forUpdate().first();
  return row ? { ...row, id: Number(row.id) } as WorkspaceRow : undefined;
}

/** The tables' current state: applied blueprint and archives. */
export async function loadSchemaState(trx: Knex, workspace: WorkspaceRow): Promise<SchemaState> {
  const rows = await trx(`${platformSchema}.archives`).where({ workspace_id: workspace.id }).orderBy('id', 'desc');
  const archives: ArchiveRecord[] = rows.map((row: Record<string, unknown>) => ({
    id: Number(row.id), kind: row.kind as ArchiveRecord['kind'], objectId: String(row.object_id),
    fieldId: (row.field_id as string | null) ?? null, physicalName: String(row.physical_name), definition: row.definition as ArchiveRecord['definition'],
  }));
  return { schema: workspace.schema_name, version: workspace.blueprint_version, blueprint: workspace.blueprint_version === 0 ? null : workspace.blueprint, archives };
}
