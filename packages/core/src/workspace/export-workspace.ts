import type { Knex } from 'knex';
import { appendPlatformAudit } from '../audit/index.js';
import type { Principal } from '../access/index.js';
import { modelBlueprint } from '../documents/index.js';
import { platformSchema } from '../db/index.js';
import { readWorkspaceRow, type WorkspaceRow } from './workspace-row.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import { liveRecordPages } from './live-record-pages.js';

/** The format tag of a workspace export. */
export const workspaceExportFormat = 'tessera-workspace/1';

/** What `exportWorkspace` streams, parsed: `data` (object name → live records) only when asked for. */
export interface WorkspaceExport {
  format: typeof workspaceExportFormat;
  slug: string;
  name: string | null;
  template: string | null;
  settings: Record<string, unknown>;
  blueprint: unknown;
  version: number;
  roles: { name: string; document: unknown }[];
  data?: Record<string, Record<string, unknown>[]>;
}

// int8 arrives as a number on PostgreSQL; anything that arrives as a BigInt is written the same way.
const json = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? Number(item) : item));

async function header(knex: Knex, row: WorkspaceRow): Promise<WorkspaceExport> {
  const roles = await knex(`${platformSchema}.roles`).where({ workspace_id: row.id }).orderBy('name').select('name', 'document') as WorkspaceExport['roles'];
  return {
    format: workspaceExportFormat, slug: row.slug, name: row.name, template: row.template, settings: row.settings,
    blueprint: row.blueprint, version: row.version, roles,
  };
}

async function* chunks(knex: Knex, row: WorkspaceRow, head: WorkspaceExport, withData: boolean): AsyncGenerator<string> {
  const text = json(head);
  if (!withData) {
    yield text;
    return;
  }
  yield `${text.slice(0, -1)},"data":{`;
  let firstObject = true;
  for (const object of modelBlueprint(row.blueprint).objects.values()) {
    yield `${firstObject ? '' : ','}${json(object.name)}:[`;
    firstObject = false;
    let firstPage = true;
    for await (const page of liveRecordPages(knex, row.schema, object)) {
      yield `${firstPage ? '' : ','}${page.map(json).join(',')}`;
      firstPage = false;
    }
    yield ']';
  }
  yield '}}';
}

/**
 * Exports a workspace (archived or not) as one JSON document (WorkspaceExport), returned as the
 * chunks of its text so that a large workspace streams in pages instead of being held in memory.
 * The workspace is read, and the export audited, before this resolves: a missing workspace fails
 * here, not halfway through a response. Records are read page by page, not as one snapshot: for a
 * point-in-time copy of a busy workspace, archive it first or clone it (one transaction).
 */
export async function exportWorkspace(knex: Knex, slug: string, options: { withData?: boolean }, principal: Principal): Promise<AsyncGenerator<string>> {
  requirePlatformAdmin(principal);
  const row = await readWorkspaceRow(knex, slug);
  const head = await header(knex, row);
  const withData = options.withData === true;
  await appendPlatformAudit(knex, { action: 'workspace.export', principal, target: slug, workspaceId: row.id, details: { withData } });
  return chunks(knex, row, head, withData);
}
