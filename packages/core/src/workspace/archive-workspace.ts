import { appendPlatformAudit } from '../audit/index.js';
import type { Principal } from '../access/index.js';
import { platformSchema } from '../db/index.js';
import type { WorkspaceEngine } from './workspace-engine.js';
import { readWorkspaceRow } from './workspace-row.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import { summarize, type WorkspaceSummary } from './list-workspaces.js';

async function setArchived(engine: WorkspaceEngine, slug: string, archived: boolean, principal: Principal): Promise<WorkspaceSummary> {
  requirePlatformAdmin(principal);
  return engine.database.knex.transaction(async (trx) => {
    const row = await readWorkspaceRow(trx, slug, 'update');
    if ((row.archivedAt !== null) === archived) return summarize(row);
    const [updated] = await trx(`${platformSchema}.workspaces`).where({ id: row.id })
      .update({ archived_at: archived ? trx.fn.now() : null, updated_at: trx.fn.now() }, ['archived_at']) as { archived_at: string | null }[];
    await appendPlatformAudit(trx, { action: archived ? 'workspace.archive' : 'workspace.restore', principal, target: slug, workspaceId: row.id });
    return summarize({ ...row, archivedAt: updated?.archived_at ?? null });
  });
}

/**
 * Archives a workspace: from then on every data and blueprint access answers NOT_FOUND (at once in
 * this process, within the registry's recheck interval in others); its tables and rows are kept,
 * and platform admins still list, export, clone and restore it. Archiving an archived one changes nothing.
 */
export async function archiveWorkspace(engine: WorkspaceEngine, slug: string, principal: Principal): Promise<WorkspaceSummary> {
  const summary = await setArchived(engine, slug, true, principal);
  engine.workspaces.forget(slug);
  return summary;
}

/** Brings an archived workspace back into use. Restoring one in use changes nothing. */
export async function restoreWorkspace(engine: WorkspaceEngine, slug: string, principal: Principal): Promise<WorkspaceSummary> {
  return setArchived(engine, slug, false, principal);
}
