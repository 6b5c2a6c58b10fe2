import type { Knex } from 'knex';
import { modelBlueprint, type BlueprintModel, type Blueprint } from '../documents/index.js';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';

/** A workspace as the engine uses it: its schema and its live blueprint, compiled. */
export interface LiveWorkspace {
  id: number;
  slug: string;
  schema: string;
  version: number;
  model: BlueprintModel;
}

/** A workspace row is live once its first blueprint is applied, and until it is archived. */
function isLive(row: { blueprint_version: number; archived_at: unknown } | undefined): boolean {
  return row !== undefined && row.blueprint_version > 0 && row.archived_at === null;
}

function notFound(slug: string): TesseraError {
  return new TesseraError('NOT_FOUND', { what: `workspace ${slug.slice(0, 64)}` });
}

interface Entry {
  workspace: LiveWorkspace;
  checkedAt: number;
}

/**
 * Caches compiled blueprints per workspace. A cached entry is re-validated against the database
 * at most once per `recheckMs`, so another server process's apply is seen within that time and
 * nothing here is the only copy of any state.
 */
export class WorkspaceRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly knex: Knex, private readonly recheckMs = 1000) {}

  /** The live workspace of a slug, or NOT_FOUND (also for an archived one). */
  async get(slug: string): Promise<LiveWorkspace> {
    const entry = this.entries.get(slug);
    const now = Date.now();
    if (entry && now - entry.checkedAt < this.recheckMs) return entry.workspace;
    const row = await this.knex(`${platformSchema}.workspaces`).where({ slug }).select('id', 'blueprint_version', 'archived_at').first();
    if (!isLive(row)) {
      this.entries.delete(slug);
      throw notFound(slug);
    }
    if (entry && entry.workspace.version === row.blueprint_version) {
      entry.checkedAt = now;
      return entry.workspace;
    }
    return this.load(slug);
  }

  /** Reloads a workspace now (after this process applied a change). */
  async load(slug: string): Promise<LiveWorkspace> {
    const row = await this.knex(`${platformSchema}.workspaces`).where({ slug }).first();
    if (!isLive(row)) {
      this.entries.delete(slug);
      throw notFound(slug);
    }
    const workspace: LiveWorkspace = { id: Number(row.id), slug, schema: row.schema_name, version: row.blueprint_version, model: modelBlueprint(row.blueprint as Blueprint) };
    this.entries.set(slug, { workspace, checkedAt: Date.now() });
    return workspace;
  }

  /** Drops the cached entry of a workspace (archived by this process: not found from now on). */
  forget(slug: string): void {
    this.entries.delete(slug);
  }

  /** Slugs of every workspace in use (archived ones are left out, as `get` does not find them). */
  async list(): Promise<{ slug: string; version: number; label: unknown }[]> {
    const rows = await this.knex(`${platformSchema}.workspaces`).whereNull('archived_at').where('blueprint_version', '>', 0)
      .select('slug', 'blueprint_version', this.knex.raw(`blueprint->'label' AS label`)).orderBy('slug');
    return rows.map((row: { slug: string; blueprint_version: number; label: unknown }) => ({ slug: row.slug, version: row.blueprint_version, label: row.label }));
  }
}
