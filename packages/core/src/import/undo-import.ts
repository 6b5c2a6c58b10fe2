import { bulkWrite, deleteRecords, maxDeleteIds, type DataContext } from '../data/index.js';
import { TesseraError } from '../errors/index.js';
import type { ImportStore } from './import-store.js';
import type { UndoEntry } from './write-batch.js';

/** What undoing an import did. */
export interface UndoResult {
  /** Records the import created, now deleted (to the trash: they can be restored one by one). */
  deleted: number;
  /** Records the import changed, now back to their values before it. */
  restored: number;
  /** Records changed again since the import (or deleted): left as they are, listed by id. */
  conflicts: string[];
}

async function restore(context: DataContext, object: string, entry: UndoEntry): Promise<boolean> {
  try {
    await bulkWrite(context, object, 'update', [{ id: entry.id, version: entry.version, ...entry.before }]);
    return true;
  } catch (error) {
    // NOT_FOUND: deleted or changed since (the version moved on); the later change wins.
    if (error instanceof TesseraError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

/** Deletes the records an import created; ones deleted already (or out of the caller's rows now) are passed over. */
async function deleteCreated(context: DataContext, object: string, ids: string[]): Promise<number> {
  try {
    return (await deleteRecords(context, object, ids)).deleted;
  } catch (error) {
    const missing = error instanceof TesseraError && error.code === 'NOT_FOUND' ? (error.details.missing as string[] | undefined) : undefined;
    if (!missing) throw error;
    const left = ids.filter((id) => !missing.includes(id));
    return left.length > 0 ? (await deleteRecords(context, object, left)).deleted : 0;
  }
}

/**
 * Undoes a finished (done, failed or canceled) import, last batch first: records it changed get
 * their old values back unless changed since (a conflict: the later change is kept), records it
 * created are deleted. Every change goes through the write pipeline (audited, with events) as
 * the caller, who needs update and delete on the object. The import ends as `undone`.
 */
export async function undoImport(context: DataContext, store: ImportStore, importId: string): Promise<UndoResult> {
  const row = await store.get(context.knex, importId);
  if (!['done', 'failed', 'canceled'].includes(row.status)) throw new TesseraError('IMPORT_NOT_RUNNABLE', { status: row.status, action: 'undone' });
  context.access.object(row.object, 'update');
  context.access.object(row.object, 'delete');
  const result: UndoResult = { deleted: 0, restored: 0, conflicts: [] };
  // A record changed by several batches is restored batch by batch, latest first: each restore
  // moves its version on, and the next (earlier) entry expects the version that restore left.
  const versionAfterUndo = new Map<string, number>();
  const conflicted = new Set<string>();
  const { rows: batches } = await context.knex.raw(`SELECT batch, created::text[] AS created, changed FROM ${store.batches} WHERE import_id = ? ORDER BY batch DESC`, [importId]) as { rows: { batch: number; created: string[]; changed: string | null }[] };
  for (const batch of batches) {
    for (const entry of batch.changed ? store.open<UndoEntry[]>(importId, batch.changed) : []) {
      if (conflicted.has(entry.id)) continue;
      const expected = versionAfterUndo.get(entry.id) ?? entry.version;
      if (await restore(context, row.object, { ...entry, version: expected })) versionAfterUndo.set(entry.id, expected + 1);
      else conflicted.add(entry.id);
    }
    for (const id of batch.created) versionAfterUndo.delete(id);
    for (let start = 0; start < batch.created.length; start += maxDeleteIds) {
      result.deleted += await deleteCreated(context, row.object, batch.created.slice(start, start + maxDeleteIds));
    }
  }
  // Rows still waiting for review were never written; with the import undone there is nothing left to decide.
  await context.knex.raw(`DELETE FROM ${store.duplicates} WHERE import_id = ? AND status = 'pending'`, [importId]);
  await context.knex.raw(`UPDATE ${store.imports} SET status = 'undone', undone_at = now() WHERE id = ?`, [importId]);
  return { ...result, restored: versionAfterUndo.size, conflicts: [...conflicted] };
}
