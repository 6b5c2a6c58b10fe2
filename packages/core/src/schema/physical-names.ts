import { createHash } from 'node:crypto';

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The PostgreSQL schema of a workspace. */
export function workspaceSchemaName(slug: string): string {
  return `ws_${slug}`;
}

/**
 * Index names derive from stable ids only, so renames keep them; the data layer maps a violated
 * index back to its fields through the blueprint.
 */
export function indexName(objectId: string, fieldIds: string[], unique: boolean): string {
  return `${unique ? 'ux' : 'ix'}_${shortHash(`${objectId}|${fieldIds.join(',')}`)}`;
}

/** Name of the foreign key of a many_to_one field. */
export function foreignKeyName(objectId: string, fieldId: string): string {
  return `fk_${shortHash(`${objectId}|${fieldId}`)}`;
}

/** Name of the sequence behind an autonumber field. */
export function sequenceName(objectId: string, fieldId: string): string {
  return `seq_${shortHash(`${objectId}|${fieldId}`)}`;
}

/**
 * The column holding an encrypted field's blind index: from stable ids (renames keep it), starting
 * with `_` so that it is never a field name, and hidden from every read (see selectedColumns).
 */
export function blindIndexColumn(objectId: string, fieldId: string): string {
  return `_bx_${shortHash(`${objectId}|${fieldId}`)}`;
}

/** The (non-unique) index over a blind-index column. */
export function blindIndexName(objectId: string, fieldId: string): string {
  return `bx_${shortHash(`${objectId}|${fieldId}`)}`;
}

/** The check that an encrypted field's column holds envelopes only (a writer with an older blueprint cannot slip plaintext in). */
export function envelopeCheckName(objectId: string, fieldId: string): string {
  return `ck_${shortHash(`${objectId}|${fieldId}`)}`;
}

/** Hidden name of archived data: never a valid object or field name (they start with a letter). */
export function archivedName(archiveId: number): string {
  return `_archived_${archiveId}`;
}

/** Name of the audit table in a workspace schema (append-only; see audit/). */
export const auditTable = '_audit';

/** Name of the consent history table in a workspace schema (privacy/). */
export const consentsTable = '_consents';

/** Name of the outbox table in a workspace schema. */
export const outboxTable = '_outbox';

/** Name of the saved views table in a workspace schema (views/: personal and shared list views). */
export const savedViewsTable = '_saved_views';

/** Names of the import tables in a workspace schema (import/): imports, their committed batches, their rejected rows. */
export const importTables = { imports: '_imports', batches: '_import_batches', rejects: '_import_rejects', templates: '_import_templates' } as const;

/** Names of the duplicate tables in a workspace schema (import/dedupe/): the review queue of likely duplicates, and the dedupe runs over stored records. */
export const duplicateTables = { pairs: '_duplicates', runs: '_dedupe_runs' } as const;
