import { openDatabase, ensurePlatformSchema, type Database, type DatabaseOptions } from './db/index.js';
import { WorkspaceRegistry, listVersions, blueprintAt, type BlueprintVersion, type LiveWorkspace } from './workspace/index.js';
import { applyMigration, createWorkspace, planMigration, upgradeWorkspaces, type MigrateOptions, type MigrationPlan, type MigrationResult } from './schema/index.js';
import { AccessResolver, asSystem, type Principal } from './access/index.js';
import { auditStamp } from './audit/index.js';
import { Accounts } from './accounts/index.js';
import type { DataContext } from './data/index.js';
import type { MemberScope } from './members/index.js';
import type { BlueprintModel } from './documents/index.js';
import { KeyRing } from './personal/index.js';
import { KeyRotationJob, defaultKeyRing } from './keys/index.js';
import { JobQueue } from './jobs/index.js';
import { Duplicates, Imports } from './import/index.js';

/** How Tessera.open finds its database and its key ring. */
export interface OpenOptions extends DatabaseOptions {
  /** The key ring of encrypted fields; by default from the environment or secret.key (see defaultKeyRing). */
  keyRing?: KeyRing;
  /** The directory of a generated secret.key when TESSERA_SECRET_KEY is unset (the server passes its data directory). */
  keyDir?: string;
}

/**
 * The engine, opened on one database: workspaces, their blueprints and their data. Every data
 * operation takes a DataContext from `data()`, which carries the acting principal's access.
 */
export class Tessera {
  readonly workspaces: WorkspaceRegistry;
  readonly access: AccessResolver;
  readonly accounts: Accounts;
  /** The background job queue (imports; see jobs/). */
  readonly jobs: JobQueue;
  readonly imports: Imports;
  /** The duplicates review queue and dedupe runs. */
  readonly duplicates: Duplicates;
  /** Re-encryption of every workspace under the current key, as a queued job. */
  readonly keyRotation: KeyRotationJob;

  private constructor(readonly database: Database, readonly keys: KeyRing) {
    this.workspaces = new WorkspaceRegistry(database.knex);
    this.access = new AccessResolver(database.knex);
    this.accounts = new Accounts(database.knex);
    this.jobs = new JobQueue(database.knex);
    const engine = { knex: database.knex, keys, data: (slug: string, principal: Principal) => this.data(slug, principal), workspace: (slug: string) => this.workspace(slug) };
    this.imports = new Imports(engine, this.jobs);
    this.duplicates = new Duplicates(engine, this.jobs);
    this.keyRotation = new KeyRotationJob({ database, keys }, this.jobs);
  }

  /**
   * Opens PostgreSQL (databaseUrl) or PGlite (dataDir, or memory), loads the key ring (before the
   * database: a bad secret stops the start) and creates the platform tables.
   */
  static async open(options: OpenOptions): Promise<Tessera> {
    const keys = options.keyRing ?? await defaultKeyRing(options);
    const database = await openDatabase(options);
    await ensurePlatformSchema(database.knex, upgradeWorkspaces);
    return new Tessera(database, keys);
  }

  /** Same as open, on a database someone else opened (tests); the key ring is an ephemeral one unless given. */
  static async attach(database: Database, options: { keyRing?: KeyRing } = {}): Promise<Tessera> {
    await ensurePlatformSchema(database.knex, upgradeWorkspaces);
    return new Tessera(database, options.keyRing ?? KeyRing.ephemeral());
  }

  /**
   * A data context for one workspace acting as `principal`, with its access policy there (NOT_FOUND
   * when the principal is no member: the workspace's existence is not revealed).
   */
  async data(slug: string, principal: Principal): Promise<DataContext> {
    const workspace = await this.workspaces.get(slug);
    const access = await this.access.policy(workspace, principal);
    return { knex: this.database.knex, schema: workspace.schema, model: workspace.model, access, actor: principal.userId, stamp: auditStamp(principal), keys: this.keys };
  }

  /** Where a workspace admin's member and role operations act, for `principal`. */
  async memberScope(slug: string, principal: Principal): Promise<MemberScope & { model: BlueprintModel }> {
    const workspace = await this.workspaces.get(slug);
    const access = await this.access.policy(workspace, principal);
    return { knex: this.database.knex, workspaceId: workspace.id, schema: workspace.schema, access, stamp: auditStamp(principal), model: workspace.model };
  }

  /** A data context in system mode, for privileged code that names why (templates, the CLI, jobs). */
  system(slug: string, reason: string): Promise<DataContext> {
    return this.data(slug, asSystem(reason));
  }

  /** The live workspace (blueprint and version). */
  workspace(slug: string): Promise<LiveWorkspace> {
    return this.workspaces.get(slug);
  }

  /** Creates a workspace from a blueprint. */
  async createWorkspace(slug: string, blueprint: unknown, actor: string): Promise<MigrationResult> {
    const result = await createWorkspace(this.database.knex, slug, blueprint, actor);
    await this.workspaces.load(slug);
    return result;
  }

  /** Dry run of a blueprint change. */
  plan(slug: string, blueprint: unknown, options: MigrateOptions): Promise<MigrationPlan> {
    return planMigration(this.database.knex, slug, blueprint, { keys: this.keys, ...options });
  }

  /** Applies a blueprint change in one transaction and records the version. */
  async apply(slug: string, blueprint: unknown, options: MigrateOptions): Promise<MigrationResult> {
    const result = await applyMigration(this.database.knex, slug, blueprint, { keys: this.keys, ...options });
    await this.workspaces.load(slug);
    return result;
  }

  /** Version history of a workspace's blueprint. */
  async versions(slug: string): Promise<BlueprintVersion[]> {
    return listVersions(this.database.knex, (await this.workspaces.get(slug)).id);
  }

  /** The blueprint of an earlier version (to plan or apply going back to it). */
  async blueprintAt(slug: string, version: number) {
    return blueprintAt(this.database.knex, (await this.workspaces.get(slug)).id, version);
  }

  /** Closes the database. */
  close(): Promise<void> {
    return this.database.close();
  }
}
