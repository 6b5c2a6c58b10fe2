import { appendPlatformAudit } from '../audit/index.js';
import type { Principal } from '../access/index.js';
import { modelBlueprint } from '../documents/index.js';
import { platformSchema } from '../db/index.js';
import { createWorkspace } from '../schema/index.js';
import type { WorkspaceEngine } from './workspace-engine.js';
import { checkWorkspaceName } from './workspace-name.js';
import { readWorkspaceRow } from './workspace-row.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import { summarize, type WorkspaceSummary } from './list-workspaces.js';
import { copySharedViews } from './copy-shared-views.js';
import { copyWorkspaceData } from './copy-workspace-data.js';

/** What to call a clone, and whether it takes the records too. */
export interface CloneOptions {
  slug: string;
  name: unknown;
  withData?: boolean;
}

/** The new workspace, and with data the rows copied per table. */
export interface CloneResult extends WorkspaceSummary {
  copied?: Record<string, number>;
}

/**
 * Clones a workspace (archived or not) for another client: a new workspace with the source's live
 * blueprint, template, settings, role documents and shared saved views, and with `withData` every
 * record. Memberships stay behind (with them the personal saved views), and so do the outbox and
 * the audit log. Everything happens in one REPEATABLE READ
 * transaction, so the copy is one consistent snapshot of the source while it keeps being written,
 * and a clone that fails leaves nothing behind: no row, no schema, no audit entry.
 */
export async function cloneWorkspace(engine: WorkspaceEngine, sourceSlug: string, options: CloneOptions, principal: Principal): Promise<CloneResult> {
  requirePlatformAdmin(principal);
  const name = checkWorkspaceName(options.name);
  const withData = options.withData === true;
  const result = await engine.database.knex.transaction(async (trx) => {
    // A share lock: no blueprint change of the source may land between reading and copying it.
    const source = await readWorkspaceRow(trx, sourceSlug, 'share');
    await createWorkspace(trx, options.slug, source.blueprint, principal.userId);
    const created = await readWorkspaceRow(trx, options.slug, 'update');
    await trx(`${platformSchema}.workspaces`).where({ id: created.id }).update({ name, template: source.template, settings: JSON.stringify(source.settings) });
    await trx.raw(`INSERT INTO ${platformSchema}.roles (workspace_id, name, document, updated_by) SELECT ?, name, document, ? FROM ${platformSchema}.roles WHERE workspace_id = ?`, [created.id, principal.userId, source.id]);
    await copySharedViews(trx, source.schema, created.schema);
    const copied = withData ? await copyWorkspaceData(trx, source.schema, created.schema, modelBlueprint(source.blueprint)) : undefined;
    await appendPlatformAudit(trx, { action: 'workspace.clone', principal, target: options.slug, workspaceId: created.id, details: { source: sourceSlug, withData } });
    const summary = summarize({ ...created, name, template: source.template });
    return copied ? { ...summary, copied } : summary;
  }, { isolationLevel: 'repeatable read' });
  await engine.workspaces.load(options.slug);
  return result;
}
