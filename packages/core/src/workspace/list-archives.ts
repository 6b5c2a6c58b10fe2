import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import type { Field, LocalizedText, ObjectDefinition } from '../documents/index.js';

/** An archived object or field as the studio lists it: re-adding `definition` (same id) restores its data. */
export interface ArchiveEntry {
  id: number;
  kind: 'object' | 'field';
  object_id: string;
  field_id: string | null;
  /** The name it had when it was removed. */
  name: string;
  label: LocalizedText;
  archived_at: string;
  archived_in_version: number;
  definition: ObjectDefinition | Field;
}

interface ArchiveRow {
  id: number | string;
  kind: 'object' | 'field';
  object_id: string;
  field_id: string | null;
  archived_at: Date | string;
  archived_in_version: number;
  definition: { object?: ObjectDefinition; field?: Field };
}

/**
 * The archived objects and fields of a workspace, newest first. Only the document is given: the
 * hidden table and column names, join tables and recorded relation targets stay in the engine.
 */
export async function listArchives(knex: Knex, workspaceId: number): Promise<ArchiveEntry[]> {
  const rows = await knex(`${platformSchema}.archives`).where({ workspace_id: workspaceId })
    .select('id', 'kind', 'object_id', 'field_id', 'archived_at', 'archived_in_version', 'definition').orderBy('id', 'desc') as ArchiveRow[];
  return rows.flatMap((row) => {
    const definition = row.kind === 'object' ? row.definition.object : row.definition.field;
    // An object's archive row gets its definition in the step that fills it; a bare row is not restorable.
    if (!definition) return [];
    return [{
      id: Number(row.id), kind: row.kind, object_id: row.object_id, field_id: row.field_id, name: definition.name, label: definition.label,
      archived_at: new Date(row.archived_at).toISOString(), archived_in_version: row.archived_in_version, definition,
    }];
  });
}
