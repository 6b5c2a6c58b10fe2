import type { Knex } from 'knex';
import type { BlueprintModel } from '../documents/index.js';
import type { AccessPolicy } from '../access/index.js';
import type { AuditStamp } from '../audit/index.js';
import type { KeyRing } from '../personal/index.js';

/**
 * Everything a data operation needs: the connection (or transaction), the workspace's schema and
 * live blueprint, and who is acting with what access. Every operation asks `access` before it
 * builds SQL; there is no bypass flag (system mode is an AccessPolicy made from asSystem()).
 */
export interface DataContext {
  knex: Knex;
  schema: string;
  model: BlueprintModel;
  access: AccessPolicy;
  /** The acting user's id: stamped on created_by, updated_by and (by default) owner_id. */
  actor: string;
  /** Who and from where, for the audit log. */
  stamp: AuditStamp;
  /** The deployment's key ring: encrypted fields are sealed with it on write and opened on read. */
  keys: KeyRing;
}
