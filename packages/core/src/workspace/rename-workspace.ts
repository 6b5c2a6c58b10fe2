import { appendPlatformAudit } from '../audit/index.js';
import type { Principal } from '../access/index.js';
import { platformSchema } from '../db/index.js';
import type { WorkspaceEngine } from './workspace-engine.js';
import { checkWorkspaceName } from './workspace-name.js';
import { readWorkspaceRow } from './workspace-row.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import { summarize, type WorkspaceSummary } from './list-workspaces.js';

/** Changes a workspace's display name (its slug, the schema's name, stays), audited. */
export async function renameWorkspace(engine: WorkspaceEngine, slug: string, name: unknown, principal: Principal): Promise<WorkspaceSummary> {
  requirePlatformAdmin(principal);
  const newName = checkWorkspaceName(name);
  return engine.database.knex.transaction(async (trx) => {
    const row = await readWorkspaceRow(trx, slug, 'update');
    await trx(`${platformSchema}.workspaces`).where({ id: row.id }).update({ name: newName, updated_at: trx.fn.now() });
    await appendPlatformAudit(trx, { action: 'workspace.rename', principal, target: slug, workspaceId: row.id, details: { from: row.name, to: newName } });
    return summarize({ ...row, name: newName });
  });
}
