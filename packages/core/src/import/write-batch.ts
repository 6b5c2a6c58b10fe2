import { bulkWrite, insertImported, type DataContext, type ValidatedCreate } from '../data/index.js';
import { fieldError, TesseraError, type FieldError } from '../errors/index.js';
import type { ImportCounts } from './import-types.js';
import type { ImportStore } from './import-store.js';
import type { BatchPlan, PlannedRow, PlannedUpdate } from './plan-batch.js';

/** Where the import is after a batch: its number, the data rows handled so far, the counts so far. */
export interface BatchCheckpoint {
  importId: string;
  batch: number;
  rowsDone: number;
  counts: ImportCounts;
}

/** An old value kept to undo an update: the fields changed, as they were, and the version the update left. */
export interface UndoEntry {
  id: string;
  before: Record<string, unknown>;
  version: number;
}

/** Where a batch's writes are logged: the import and its batch (the audit entry and the event of its creations carry them). */
type BatchRef = { importId: string; batch: number };

async function writeRecords(context: DataContext, object: string, creates: ValidatedCreate[], updates: PlannedUpdate[], ref: BatchRef): Promise<void> {
  if (creates.length > 0) await insertImported(context, object, creates, { action: 'record.import', details: { import_id: ref.importId, batch: ref.batch } });
  if (updates.length > 0) await bulkWrite(context, object, 'update', uniformUpdates(updates));
}

/**
 * The updates as bulk rows that all set the same fields (unchanged ones to their current value,
 * which the audit does not log as a change), so that one statement writes them all.
 */
function uniformUpdates(updates: PlannedUpdate[]): Record<string, unknown>[] {
  const fields = [...new Set(updates.flatMap((update) => Object.keys(update.changes)))];
  return updates.map((update) => {
    const row: Record<string, unknown> = { id: update.id, version: update.version };
    for (const field of fields) row[field] = update.current[field] ?? null;
    return row;
  });
}

/** A database refusal of one row (a unique value taken by another record…) as the row's error. */
function refusal(error: TesseraError): FieldError[] {
  if (error.errors.length > 0) return error.errors.map((item) => ({ ...item, pointer: item.pointer.replace(/^\/records\/\d+/, '') }));
  const field = typeof error.params.field === 'string' ? error.params.field : '';
  return [error.code === 'UNIQUE_VIOLATION' ? fieldError(`/${field}`, 'unique') : fieldError(`/${field}`, 'invalid', { reason: error.messages.en })];
}

/**
 * Writes the batch's records one record at a time, each in its own savepoint (the context is in the batch's transaction), when writing
 * them together was refused: the rows the database refuses are rejected with its reason, the rest
 * are written. Only rows that create or change something are retried; folded rows follow their record.
 */
async function writeRowByRow(context: DataContext, object: string, plan: BatchPlan, ref: BatchRef): Promise<void> {
  const byRecord = new Map<string, PlannedRow[]>();
  for (const row of plan.rows) if (row.recordId) byRecord.set(row.recordId, [...(byRecord.get(row.recordId) ?? []), row]);
  const refuse = (id: string, errors: FieldError[]) => {
    for (const row of byRecord.get(id) ?? []) Object.assign(row, { outcome: 'rejected', errors, recordId: undefined });
  };
  for (const create of [...plan.creates]) {
    try {
      await context.knex.transaction((savepoint) => writeRecords({ ...context, knex: savepoint }, object, [create], [], ref));
    } catch (error) {
      if (!(error instanceof TesseraError)) throw error;
      refuse(create.id as string, refusal(error));
      plan.creates.splice(plan.creates.indexOf(create), 1);
    }
  }
  for (const update of [...plan.updates]) {
    try {
      await context.knex.transaction((savepoint) => writeRecords({ ...context, knex: savepoint }, object, [], [update], ref));
    } catch (error) {
      if (!(error instanceof TesseraError)) throw error;
      refuse(update.id, refusal(error));
      plan.updates.splice(plan.updates.indexOf(update), 1);
    }
  }
}

/** Adds a batch's outcomes to the counts. */
export function countOutcomes(counts: ImportCounts, rows: PlannedRow[]): ImportCounts {
  const next = { ...counts, read: counts.read + rows.length };
  for (const row of rows) next[row.outcome] += 1;
  return next;
}

/**
 * Commits a planned batch in one transaction: its records through the write pipeline (validated,
 * audited, with outbox events), its undo entry (ids created, old values of what it changed, sealed),
 * its rejected rows (sealed), its rows left for review (sealed, in the duplicates queue) and the import's checkpoint. Killed before the commit, none of it
 * happened and the batch is planned again on resume; after, none of it happens twice.
 */
export async function writeBatch(context: DataContext, store: ImportStore, object: string, plan: BatchPlan, at: BatchCheckpoint): Promise<ImportCounts> {
  return context.knex.transaction(async (trx) => {
    const inTransaction = { ...context, knex: trx };
    try {
      await trx.transaction((savepoint) => writeRecords({ ...context, knex: savepoint }, object, plan.creates, plan.updates, at));
    } catch (error) {
      if (!(error instanceof TesseraError)) throw error;
      await writeRowByRow(inTransaction, object, plan, at);
    }
    const undo: UndoEntry[] = plan.updates.map((update) => ({ id: update.id, before: update.before, version: update.version + 1 }));
    await trx.raw(`INSERT INTO ${store.batches} (import_id, batch, rows_done, created, changed) VALUES (?, ?, ?, ?::uuid[], ?)`, [
      at.importId, at.batch, at.rowsDone, plan.creates.map((record) => record.id as string), undo.length > 0 ? store.seal(at.importId, undo) : null,
    ]);
    const rejected = plan.rows.filter((row) => row.outcome === 'rejected');
    if (rejected.length > 0) {
      await trx.raw(`INSERT INTO ${store.rejects} (import_id, row_number, sealed) SELECT ?, x.n, x.s FROM unnest(?::int[], ?::text[]) AS x(n, s)`, [
        at.importId, rejected.map((row) => row.row.number), rejected.map((row) => store.seal(at.importId, { cells: row.row.cells, errors: row.errors })),
      ]);
    }
    const reviews = plan.rows.filter((row) => row.review);
    if (reviews.length > 0) {
      await trx.raw(`INSERT INTO ${store.duplicates} (object, import_id, row_number, incoming, candidate_id, score, similarity)
        SELECT ?, ?, x.n, x.s, x.c, x.score, x.sim FROM unnest(?::int[], ?::text[], ?::uuid[], ?::real[], ?::jsonb[]) AS x(n, s, c, score, sim)`, [
        object, at.importId, reviews.map((row) => row.row.number), reviews.map((row) => store.seal(at.importId, { cells: row.row.cells, record: row.review!.record })),
        reviews.map((row) => row.review!.candidateId), reviews.map((row) => row.review!.score.score), reviews.map((row) => JSON.stringify(row.review!.score.fields)),
      ]);
    }
    const counts = countOutcomes({ ...at.counts, review: at.counts.review ?? 0 }, plan.rows);
    await trx.raw(`UPDATE ${store.imports} SET rows_done = ?, counts = ?::jsonb WHERE id = ?`, [at.rowsDone, JSON.stringify(counts), at.importId]);
    return counts;
  });
}
