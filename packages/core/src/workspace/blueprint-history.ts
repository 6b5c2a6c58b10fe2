import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import type { Blueprint } from '../documents/index.js';

/** One recorded version of a workspace's blueprint. */
export interface BlueprintVersion {
  version: number;
  applied_by: string;
  /** The name (else the email) of the user who applied it; null for the engine (`system:…`) or a user since deleted. */
  applied_by_name: string | null;
  applied_at: string;
  comment: string | null;
  steps: unknown[];
}

/**
 * Every version of a workspace's blueprint, newest first (without the documents), with the name
 * of whoever applied it: a platform admin who is no member still shows by name.
 */
export async function listVersions(knex: Knex, workspaceId: number): Promise<BlueprintVersion[]> {
  const { rows } = await knex.raw(`SELECT v.version, v.applied_by, NULLIF(coalesce(NULLIF(u.name, ''), u.email), '') AS applied_by_name, v.applied_at, v.comment, v.steps
    FROM ${platformSchema}.blueprint_versions v LEFT JOIN ${platformSchema}.users u ON u.id::text = v.applied_by
    WHERE v.workspace_id = ? ORDER BY v.version DESC`, [workspaceId]) as { rows: (BlueprintVersion & { applied_at: Date | string })[] };
  return rows.map((row) => ({ ...row, applied_at: new Date(row.applied_at).toISOString() }));
}

/** The blueprint as it was at one version. */
export async function blueprintAt(knex: Knex, workspaceId: number, version: number): Promise<Blueprint> {
  const row = await knex(`${platformSchema}.blueprint_versions`).where({ workspace_id: workspaceId, version }).first('blueprint');
  if (!row) throw new TesseraError('NOT_FOUND', { what: `blueprint version ${version}` });
  return row.blueprint as Blueprint;
}
