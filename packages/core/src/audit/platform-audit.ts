import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import type { Principal } from '../access/index.js';

/** A platform event: sign-ins, failed sign-ins, users, workspaces. */
export interface PlatformAuditEntry {
  action: string;
  /** Who acted; absent for an anonymous attempt (a failed sign-in names the email in `target`). */
  principal?: Principal;
  target?: string;
  workspaceId?: number;
  /** Used when there is no principal yet (sign-in). */
  ip?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/** Appends one platform event, in the caller's transaction when given one. */
export async function appendPlatformAudit(knex: Knex, entry: PlatformAuditEntry): Promise<void> {
  const source = entry.principal?.source;
  await knex(`${platformSchema}.platform_audit`).insert({
    actor_id: entry.principal?.userId ?? null,
    actor_label: entry.principal?.label ?? null,
    action: entry.action,
    target: entry.target ?? null,
    workspace_id: entry.workspaceId ?? null,
    ip: source?.ip ?? entry.ip ?? null,
    request_id: source?.requestId ?? entry.requestId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  });
}
