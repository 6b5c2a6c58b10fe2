import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import type { KeyRing } from '../personal/index.js';
import { rotateKeys, type RotationOptions, type RotationResult } from './rotate-keys.js';

/** What rotateAllKeys reports before each workspace. */
export interface WorkspaceStart {
  workspace: string;
  /** Its position (0-based) among `count` workspaces. */
  index: number;
  count: number;
}

/** The workspaces a rotation covers: every one with a blueprint, archived ones too (their data stays encrypted). */
export async function rotationWorkspaces(knex: Knex): Promise<string[]> {
  return await knex(`${platformSchema}.workspaces`).where('blueprint_version', '>', 0).orderBy('id').pluck('slug') as string[];
}

/** rotateKeys for every workspace, one after the other; answers one result per workspace. */
export async function rotateAllKeys(
  engine: { database: { knex: Knex }; keys: KeyRing }, options: RotationOptions & { onWorkspace?: (start: WorkspaceStart) => void } = {},
): Promise<RotationResult[]> {
  const slugs = await rotationWorkspaces(engine.database.knex);
  const results: RotationResult[] = [];
  for (const [index, workspace] of slugs.entries()) {
    options.onWorkspace?.({ workspace, index, count: slugs.length });
    results.push(await rotateKeys(engine, workspace, options));
  }
  return results;
}
