import type { Knex } from 'knex';
import type { KeyRing } from '../personal/index.js';
import type { WorkspaceRegistry } from './workspace-registry.js';

/**
 * What workspace administration needs of the engine: the database and the registry of live
 * workspaces (to reload or forget one). `Tessera` is one; naming the shape here keeps this folder
 * from importing the class that imports it.
 */
export interface WorkspaceEngine {
  readonly database: { readonly knex: Knex };
  readonly workspaces: WorkspaceRegistry;
  /** The key ring that encrypted fields are written and read with. */
  readonly keys: KeyRing;
}
