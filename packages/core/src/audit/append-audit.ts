import type { Knex } from 'knex';
import { auditTable, qualified } from '../schema/index.js';
import { stampColumns, stampValues, type AuditStamp } from './audit-stamp.js';

/** One workspace event for the audit log. */
export interface AuditEntry {
  action: string;
  object?: string;
  recordId?: string;
  changes?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

/** Appends one event to a workspace's audit log in the caller's transaction. */
export async function appendAudit(trx: Knex, schema: string, stamp: AuditStamp, entry: AuditEntry): Promise<void> {
  await trx.raw(
    `INSERT INTO ${qualified(schema, auditTable)} (${stampColumns}, action, object, record_id, changes, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`,
    [...stampValues(stamp), entry.action, entry.object ?? null, entry.recordId ?? null,
      entry.changes === undefined ? null : JSON.stringify(entry.changes), entry.details === undefined ? null : JSON.stringify(entry.details)],
  );
}
