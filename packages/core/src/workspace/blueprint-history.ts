import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import type { Blueprint } from '../documents/index.js';

/** One recorded version of a workspace's blueprint. */
export interface BlueprintVersion {
  version: number;
  applied_by: string;
  applied_at: string;
  comment: string | null;
  steps: unknown[];
}

/** Every version of a workspace's blueprint, newest first (without the documents). */
export async function listVersions(knex: Knex, workspaceId: number): Promise<BlueprintVersion[]> {
  const rows = await knex(`${platformSchema}.blueprint_versions`).where({ workspace_id: workspaceId })
    .select('version', 'applied_by', 'applied_at', 'comment', 'steps').orderBy('version', 'desc');
  return rows.map((row: BlueprintVersion & { applied_at: Date | string }) => ({ ...row, applied_at: new Date(row.applied_at).toISOString() }));
}

/** The blueprint as it was at one version. */
export async function blueprintAt(knex: Knex, workspaceId: number, version: number): Promise<Blueprint> {
  const row = await knex(`${platformSchema}.blueprint_versions`).where({ workspace_id: workspaceId, version }).first('blueprint');
  if (!row) throw new TesseraError('NOT_FOUND', { what: `blueprint version ${version}` });
  return row.blueprint as Blueprint;
}
