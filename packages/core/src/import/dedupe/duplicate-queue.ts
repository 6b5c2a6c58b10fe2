import { findMatches, getRecord, insertImported, maskRecord, mergeRecords, validateCreate, validateRecord, bulkWrite, type ApiRecord, type DataContext } from '../../data/index.js';
import { appendAudit } from '../../audit/index.js';
import { TesseraError, fieldError, throwIfErrors } from '../../errors/index.js';
import type { ImportStore } from '../import-store.js';
import type { ImportCounts } from '../import-types.js';
import { changedValues } from '../plan-batch.js';
import type { UndoEntry } from '../write-batch.js';

/** Where a pair in the queue stands. */
export type DuplicateStatus = 'pending' | 'merged' | 'created' | 'skipped' | 'kept_apart';

/** What a person decides about a pair: merge it (import rows into the candidate; stored pairs into `survivor`), create the row as a new record, skip the row, or keep two stored records apart. */
export interface DuplicateDecision {
  action: 'merge' | 'create' | 'skip' | 'keep_apart';
  /** Stored pairs: the record kept (the candidate by default). */
  survivor?: string;
  /** Values the resulting record keeps, per field, over the merge rules. */
  values?: Record<string, unknown>;
}

/** A likely duplicate as callers see it. */
export interface DuplicatePair {
  id: string;
  object: string;
  source: 'import' | 'dedupe';
  importId: string | null;
  rowNumber: number | null;
  runId: string | null;
  /** An import row's cleaned values (nothing is stored of it until resolved). */
  incoming: Record<string, unknown> | null;
  /** A stored pair's first record, as the caller may see it. */
  record: ApiRecord | null;
  /** The stored record it probably duplicates (null when deleted since). */
  candidate: ApiRecord | null;
  score: number;
  similarity: Record<string, number | null>;
  status: DuplicateStatus;
  resultId: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

interface PairRow {
  id: string; object: string; import_id: string | null; row_number: number | null; incoming: string | null; run_id: string | null;
  record_id: string | null; candidate_id: string; score: number; similarity: Record<string, number | null>; status: DuplicateStatus;
  result_id: string | null; resolved_by: string | null; resolved_at: string | null; created_at: string;
}

/** Which pairs to list. */
export interface DuplicateQuery {
  object: string;
  status?: 'pending' | 'resolved';
  importId?: string;
  runId?: string;
  limit?: number;
  offset?: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readable(context: DataContext, object: string, id: string | null): Promise<ApiRecord | null> {
  if (!id) return null;
  try {
    return await getRecord(context, object, id);
  } catch (error) {
    if (error instanceof TesseraError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

async function pairView(context: DataContext, store: ImportStore, row: PairRow): Promise<DuplicatePair> {
  const incoming = row.incoming && row.import_id ? store.open<{ record: Record<string, unknown> }>(row.import_id, row.incoming).record : null;
  if (incoming) {
    delete incoming.id;
    // The file's values are shown as the stored ones are: personal fields masked unless the role may see them.
    maskRecord(context.access.object(row.object, 'read'), incoming);
  }
  return {
    id: row.id, object: row.object, source: row.import_id ? 'import' : 'dedupe', importId: row.import_id, rowNumber: row.row_number, runId: row.run_id,
    incoming, record: await readable(context, row.object, row.record_id), candidate: await readable(context, row.object, row.candidate_id),
    score: row.score, similarity: row.similarity, status: row.status, resultId: row.result_id, resolvedBy: row.resolved_by, resolvedAt: row.resolved_at, createdAt: row.created_at,
  };
}

/**
 * The review queue of one object, highest score first: import rows waiting for a decision (to
 * those who may import into the object) and pairs of stored records a dedupe run found (to those
 * who may update it). Records are shown as the caller may see them.
 */
export async function listDuplicates(context: DataContext, store: ImportStore, query: DuplicateQuery): Promise<{ items: DuplicatePair[]; total: number }> {
  const access = context.access.object(query.object, 'update');
  const imports = access.actions.has('import');
  const where = ['object = ?', query.status === 'resolved' ? `status <> 'pending'` : `status = 'pending'`, ...(imports ? [] : ['import_id IS NULL'])];
  const bindings: unknown[] = [query.object];
  for (const [column, value] of [['import_id', query.importId], ['run_id', query.runId]] as const) {
    if (value === undefined) continue;
    if (!uuidPattern.test(value)) return { items: [], total: 0 };
    where.push(`${column} = ?`);
    bindings.push(value);
  }
  const limit = Math.min(Math.max(1, query.limit ?? 50), 200);
  const offset = Math.max(0, query.offset ?? 0);
  const { rows } = await context.knex.raw(`SELECT *, count(*) OVER ()::int AS total FROM ${store.duplicates} WHERE ${where.join(' AND ')}
    ORDER BY ${query.status === 'resolved' ? 'resolved_at DESC' : 'score DESC, created_at'}, id LIMIT ? OFFSET ?`, [...bindings, limit, offset] as never[]) as { rows: (PairRow & { total: number })[] };
  const items: DuplicatePair[] = [];
  for (const row of rows) items.push(await pairView(context, store, row));
  return { items, total: rows[0]?.total ?? 0 };
}

/**
 * The plain personal values of an import row waiting in the queue, to a role with the reveal
 * action on its object; an audit entry (`import.reveal`, naming the import, the row and the
 * fields) is written before the answer leaves, as for a record's reveal.
 */
export async function revealIncoming(context: DataContext, store: ImportStore, id: string): Promise<Record<string, unknown>> {
  const pair = uuidPattern.test(id) ? (await context.knex.raw(`SELECT * FROM ${store.duplicates} WHERE id = ?`, [id]) as { rows: PairRow[] }).rows[0] : undefined;
  if (!pair?.import_id || !context.access.visible(pair.object)?.actions.has('import')) throw new TesseraError('NOT_FOUND', { what: `duplicate ${id.slice(0, 64)}` });
  const access = context.access.object(pair.object, 'reveal');
  const { record } = store.open<{ record: Record<string, unknown> }>(pair.import_id, pair.incoming!);
  const fields = [...access.masked].filter((field) => record[field] !== undefined && record[field] !== null);
  await appendAudit(context.knex, context.schema, context.stamp, { action: 'import.reveal', object: pair.object, details: { import_id: pair.import_id, row: pair.row_number, fields } });
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
}

/** Records an import's decision as a batch of its own (so that undoing the import undoes it too) and moves its counts. */
async function logImportDecision(context: DataContext, store: ImportStore, importId: string, outcome: keyof ImportCounts, created: string[], undo: UndoEntry[]): Promise<void> {
  await context.knex.raw(`INSERT INTO ${store.batches} (import_id, batch, rows_done, created, changed)
    SELECT i.id, coalesce((SELECT max(batch) FROM ${store.batches} WHERE import_id = i.id), 0) + 1, i.rows_done, ?::uuid[], ? FROM ${store.imports} i WHERE i.id = ?`, [
    created, undo.length > 0 ? store.seal(importId, undo) : null, importId,
  ]);
  await context.knex.raw(`UPDATE ${store.imports} SET counts = jsonb_set(jsonb_set(counts, '{review}', to_jsonb(coalesce((counts->>'review')::int, 0) - 1)), ?::text[], to_jsonb(coalesce((counts->>?)::int, 0) + 1)) WHERE id = ?`, [
    [outcome], outcome, importId,
  ]);
}

/** Resolves an import row: created as a new record, merged into its candidate by the import's rules, or skipped. Answers the record it went to. */
async function resolveImportRow(context: DataContext, store: ImportStore, pair: PairRow, decision: DuplicateDecision): Promise<string | null> {
  const importRow = await store.get(context.knex, pair.import_id!, true);
  if (importRow.status === 'queued' || importRow.status === 'running') throw new TesseraError('DUPLICATE_NOT_READY', {});
  if (importRow.status === 'undone') throw new TesseraError('IMPORT_NOT_RUNNABLE', { status: importRow.status, action: 'reviewed' });
  context.access.object(pair.object, 'import');
  const object = context.access.object(pair.object, 'update').object;
  const { record } = store.open<{ record: Record<string, unknown> }>(pair.import_id!, pair.incoming!);
  const chosen = decision.values ?? {};
  throwIfErrors(validateRecord(object, chosen, 'patch'));
  if (decision.action === 'skip') {
    await logImportDecision(context, store, pair.import_id!, 'skipped', [], []);
    return null;
  }
  if (decision.action === 'create') {
    const checked = validateCreate(object, { ...record, ...chosen });
    if ('errors' in checked) throwIfErrors(checked.errors);
    else await insertImported(context, pair.object, [checked.record], { action: 'record.import', details: { import_id: pair.import_id, review: pair.id } });
    await logImportDecision(context, store, pair.import_id!, 'created', [record.id as string], []);
    return record.id as string;
  }
  const [current] = await findMatches(context, pair.object, 'id', [pair.candidate_id]);
  if (!current) throw new TesseraError('NOT_FOUND', { what: `${pair.object} ${pair.candidate_id} (deleted since, or outside your rows)` });
  const { id: _id, ...incoming } = record;
  const changes = { ...changedValues(object, importRow.mapping, current, incoming), ...chosen };
  const before = Object.fromEntries(Object.keys(changes).map((name) => [name, current[name] ?? null]));
  if (Object.keys(changes).length > 0) await bulkWrite(context, pair.object, 'update', [{ id: current.id, version: current.version, ...changes }]);
  await logImportDecision(context, store, pair.import_id!, 'merged', [], Object.keys(changes).length > 0 ? [{ id: current.id as string, before, version: (current.version as number) + 1 }] : []);
  return current.id as string;
}

/** Resolves a pair of stored records: merged (into `survivor`, the candidate by default) or kept apart. */
async function resolveStoredPair(context: DataContext, store: ImportStore, pair: PairRow, decision: DuplicateDecision): Promise<string | null> {
  if (decision.action === 'keep_apart') {
    context.access.object(pair.object, 'update');
    return null;
  }
  const survivor = decision.survivor ?? pair.candidate_id;
  if (survivor !== pair.candidate_id && survivor !== pair.record_id) throwIfErrors([fieldError('/survivor', 'not_in_pair')]);
  const loser = survivor === pair.candidate_id ? pair.record_id! : pair.candidate_id;
  await mergeRecords(context, pair.object, survivor, loser, decision.values ?? {});
  // Pairs naming the merged-away record: an import row now points at the survivor; a stored pair is dropped (the next run finds it again if it still holds).
  await context.knex.raw(`UPDATE ${store.duplicates} SET candidate_id = ? WHERE status = 'pending' AND import_id IS NOT NULL AND candidate_id = ?`, [survivor, loser]);
  await context.knex.raw(`DELETE FROM ${store.duplicates} WHERE status = 'pending' AND record_id IS NOT NULL AND id <> ? AND (record_id = ? OR candidate_id = ?)`, [pair.id, loser, loser]);
  return survivor;
}

const allowed = { import: ['merge', 'create', 'skip'], dedupe: ['merge', 'keep_apart'] } as const;
const outcomeStatus = { merge: 'merged', create: 'created', skip: 'skipped', keep_apart: 'kept_apart' } as const;

/**
 * Applies a person's decision to a pair of the queue, in one transaction with the pair's row
 * locked: a pair is resolved once (DUPLICATE_RESOLVED after). Writes go through the write
 * pipeline as the caller; an import row's decision is logged as a batch of its import (undone
 * with it) and moves the import's counts from `review` to the outcome.
 */
export async function resolveDuplicate(context: DataContext, store: ImportStore, id: string, given: unknown): Promise<DuplicatePair> {
  const decision = given as DuplicateDecision;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new TesseraError('BAD_REQUEST', { reason: 'the body must be an object with an "action"' });
  if (decision.values !== undefined && (typeof decision.values !== 'object' || decision.values === null || Array.isArray(decision.values))) throwIfErrors([fieldError('/values', 'type', { expected: 'object' })]);
  if (decision.survivor !== undefined && (typeof decision.survivor !== 'string' || !uuidPattern.test(decision.survivor))) throwIfErrors([fieldError('/survivor', 'format', { format: 'uuid' })]);
  if (!uuidPattern.test(id)) throw new TesseraError('NOT_FOUND', { what: `duplicate ${id.slice(0, 64)}` });
  return context.knex.transaction(async (trx) => {
    const inTransaction = { ...context, knex: trx };
    const pair = (await trx.raw(`SELECT * FROM ${store.duplicates} WHERE id = ? FOR UPDATE`, [id]) as { rows: PairRow[] }).rows[0];
    if (!pair) throw new TesseraError('NOT_FOUND', { what: `duplicate ${id}` });
    context.access.object(pair.object, 'update');
    const source = pair.import_id ? 'import' : 'dedupe';
    if (!(allowed[source] as readonly string[]).includes(decision.action)) throwIfErrors([fieldError('/action', 'option', { allowed: allowed[source].join(', ') })]);
    if (pair.status !== 'pending') throw new TesseraError('DUPLICATE_RESOLVED', { status: pair.status });
    const result = source === 'import' ? await resolveImportRow(inTransaction, store, pair, decision) : await resolveStoredPair(inTransaction, store, pair, decision);
    const { rows } = await trx.raw(`UPDATE ${store.duplicates} SET status = ?, result_id = ?, resolved_by = ?, resolved_at = now() WHERE id = ? RETURNING *`, [
      outcomeStatus[decision.action], result, context.stamp.actorLabel ?? context.actor, id,
    ]) as { rows: PairRow[] };
    return pairView(inTransaction, store, rows[0]!);
  });
}
