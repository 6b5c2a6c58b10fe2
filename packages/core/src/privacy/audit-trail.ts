import type { Knex } from 'knex';
import { auditTable, qualified } from '../schema/index.js';

/** One audit entry about a subject's records, as an export carries it. */
export interface SubjectAuditEntry {
  at: string;
  action: string;
  object: string;
  recordId: string;
  /** As the log stores it: `{field: [old, new]}`, and `{field: true}` for a personal field (never its values). */
  changes: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
  channel: string | null;
}

/**
 * The audit entries of the given records, oldest first. Who acted and from which address are left
 * out: they are the staff's data, not the subject's.
 */
export async function readAuditTrail(knex: Knex, schema: string, records: ReadonlyMap<string, readonly string[]>): Promise<SubjectAuditEntry[]> {
  const entries: (SubjectAuditEntry & { id: number })[] = [];
  for (const [object, ids] of records) {
    if (ids.length === 0) continue;
    const { rows } = await knex.raw(
      `SELECT id, at, action, object, record_id::text AS record_id, changes, details, channel FROM ${qualified(schema, auditTable)} WHERE object = ? AND record_id = ANY(?::uuid[])`,
      [object, ids as string[]],
    );
    for (const row of rows as Record<string, unknown>[]) {
      entries.push({
        id: Number(row.id), at: String(row.at), action: String(row.action), object: String(row.object), recordId: String(row.record_id),
        changes: row.changes as SubjectAuditEntry['changes'], details: row.details as SubjectAuditEntry['details'], channel: row.channel as string | null,
      });
    }
  }
  return entries.sort((a, b) => a.id - b.id).map(({ id: _id, ...entry }) => entry);
}
