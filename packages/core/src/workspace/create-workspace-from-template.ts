import type { Knex } from 'knex';
import { appendPlatformAudit, auditStamp } from '../audit/index.js';
import { AccessPolicy, asSystem, type Principal } from '../access/index.js';
import { modelBlueprint } from '../documents/index.js';
import { platformSchema } from '../db/index.js';
import { bulkWrite, type DataContext } from '../data/index.js';
import { createWorkspace } from '../schema/index.js';
import type { KeyRing } from '../personal/index.js';
import type { WorkspaceEngine } from './workspace-engine.js';
import { checkWorkspaceName } from './workspace-name.js';
import { readWorkspaceRow, type WorkspaceRow } from './workspace-row.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import { summarize, type WorkspaceSummary } from './list-workspaces.js';

/** Records of one object, in dependency order with the other batches. */
export interface SampleBatch {
  object: string;
  records: Record<string, unknown>[];
}

/** A solution template: the blueprint an implementer starts from, and its demo records. */
export interface WorkspaceTemplate {
  blueprint: unknown;
  sampleData(): Iterable<SampleBatch>;
}

/**
 * Where templates come from. The engine does not know the layout of a deployment's files; the
 * server hands it one (templates/ in the repository). `load` answers NOT_FOUND for an unknown name.
 */
export interface TemplateCatalog {
  load(name: string): Promise<WorkspaceTemplate>;
}

/** What to create. */
export interface TemplateWorkspaceOptions {
  slug: string;
  name: unknown;
  template: string;
  sampleData?: boolean;
}

/** The new workspace, and how many sample records went in. */
export interface TemplateWorkspaceResult extends WorkspaceSummary {
  sampleRecords: number;
}

/**
 * The data context sample data is written with: the creating transaction, in system mode as the
 * CLI's seed command writes it (the records are the template's, not the creator's).
 */
function sampleDataContext(trx: Knex, workspace: WorkspaceRow, principal: Principal, keys: KeyRing): DataContext {
  const seeder = asSystem('seed', principal.source);
  const model = modelBlueprint(workspace.blueprint);
  return { knex: trx, schema: workspace.schema, model, access: AccessPolicy.system(seeder, model), actor: seeder.userId, stamp: auditStamp(seeder), keys };
}

async function seed(context: DataContext, template: WorkspaceTemplate): Promise<number> {
  let total = 0;
  for (const batch of template.sampleData()) {
    await bulkWrite(context, batch.object, 'create', batch.records);
    total += batch.records.length;
  }
  return total;
}

/**
 * Creates a workspace from a template, named for its client, with the template's sample data when
 * asked (through the write pipeline, as any import). One transaction: the workspace, its records
 * and the audit entry appear together or not at all.
 */
export async function createWorkspaceFromTemplate(engine: WorkspaceEngine, options: TemplateWorkspaceOptions, principal: Principal, templates: TemplateCatalog): Promise<TemplateWorkspaceResult> {
  requirePlatformAdmin(principal);
  const name = checkWorkspaceName(options.name);
  const template = await templates.load(options.template);
  const result = await engine.database.knex.transaction(async (trx) => {
    await createWorkspace(trx, options.slug, template.blueprint, principal.userId);
    const created = await readWorkspaceRow(trx, options.slug, 'update');
    await trx(`${platformSchema}.workspaces`).where({ id: created.id }).update({ name, template: options.template });
    await appendPlatformAudit(trx, { action: 'workspace.create', principal, target: options.slug, workspaceId: created.id, details: { template: options.template, sampleData: options.sampleData === true } });
    const sampleRecords = options.sampleData ? await seed(sampleDataContext(trx, created, principal, engine.keys), template) : 0;
    return { ...summarize({ ...created, name, template: options.template }), sampleRecords };
  });
  await engine.workspaces.load(options.slug);
  return result;
}
