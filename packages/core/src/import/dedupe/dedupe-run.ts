import { randomUUID } from 'node:crypto';
import type { ObjectAccess } from '../../access/index.js';
import { decryptRows, rowScope, type DataContext } from '../../data/index.js';
import { ajvErrorsToFieldErrors, documentValidator, type DedupeRule, type FuzzyMatching, type ObjectModel } from '../../documents/index.js';
import { TesseraError, fieldError, type FieldError } from '../../errors/index.js';
import type { JobQueue, Lease } from '../../jobs/index.js';
import { duplicateTables, encryptedColumns, qualified, quoteIdent } from '../../schema/index.js';
import { blockKey, fuzzyBands, fuzzyScore } from './fuzzy-score.js';
import { maxCandidatesPerBlock } from '../plan-batch.js';

/** The job kind of dedupe runs. */
export const dedupeJobKind = 'dedupe';

/** Records read per statement while scanning blocks. */
const pageSize = 5_000;

/** A dedupe run as callers see it. */
export interface DedupeRun {
  id: string;
  object: string;
  rule: DedupeRule;
  status: 'queued' | 'running' | 'done' | 'failed';
  recordsDone: number;
  recordsTotal: number | null;
  /** Pairs this run added to the queue (a pair proposed before, or kept apart, is not added again). */
  pairs: number;
  error: { code: string; message: { 'zh-CN': string; en: string } } | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: string; object: string; rule: DedupeRule; status: DedupeRun['status']; records_done: number; records_total: number | null; pairs: number;
  error: DedupeRun['error']; created_by: string; created_at: string; finished_at: string | null;
}

const runView = (row: RunRow): DedupeRun => ({
  id: row.id, object: row.object, rule: row.rule, status: row.status, recordsDone: row.records_done, recordsTotal: row.records_total, pairs: row.pairs,
  error: row.error, createdBy: row.created_by, createdAt: row.created_at, finishedAt: row.finished_at,
});

/** One pair found: the later record, the earlier one (the default survivor), the score and each field's similarity. */
interface FoundPair {
  record: string;
  candidate: string;
  score: number;
  similarity: Record<string, number | null>;
}

/** The column a field is grouped and ordered by: its blind index when encrypted (equal values, equal index under one key). */
function groupColumn(object: ObjectModel, field: string): string {
  const encrypted = encryptedColumns(object.definition).find((column) => column.field.name === field);
  return quoteIdent(encrypted ? encrypted.indexColumn : field);
}

/** The rule's problems: its schema, then fields the role cannot read or that cannot be compared. */
function ruleErrors(access: ObjectAccess, rule: unknown): FieldError[] {
  const validate = documentValidator('dedupe-rule');
  if (!validate(rule)) return ajvErrorsToFieldErrors(validate.errors!);
  const { on = [], fuzzy } = rule as DedupeRule;
  const errors: FieldError[] = [];
  const check = (name: string, at: string) => {
    const field = access.object.fields.get(name);
    if (!field || !access.readable.has(name)) errors.push(fieldError(at, 'unknown_field'));
    else if (field.type === 'relation' && field.relation?.kind !== 'many_to_one') errors.push(fieldError(at, 'not_applicable', { type: field.relation!.kind }));
  };
  on.forEach((key, index) => key.forEach((name, position) => check(name, `/on/${index}/${position}`)));
  fuzzy?.block.forEach((name, position) => check(name, `/fuzzy/block/${position}`));
  for (const name of Object.keys(fuzzy?.compare ?? {})) check(name, `/fuzzy/compare/${name}`);
  if (fuzzy?.review !== undefined && fuzzy.threshold !== undefined && fuzzy.review > fuzzy.threshold) errors.push(fieldError('/fuzzy/review', 'review_above_threshold', { review: fuzzy.review, threshold: fuzzy.threshold }));
  return errors;
}

/** Checks a dedupe request (the role may merge: update and delete; the rule is valid) and queues its run. */
export async function startDedupe(context: DataContext, queue: JobQueue, workspace: { id: number; slug: string }, objectName: string, rule: unknown): Promise<DedupeRun> {
  const access = context.access.object(objectName, 'update');
  context.access.object(objectName, 'delete');
  const errors = ruleErrors(access, rule);
  if (errors.length > 0) throw new TesseraError('VALIDATION_FAILED', { count: errors.length }, { errors });
  const id = randomUUID();
  const runs = qualified(context.schema, duplicateTables.runs);
  await context.knex.transaction(async (trx) => {
    await trx.raw(`INSERT INTO ${runs} (id, object, rule, status, created_by) VALUES (?, ?, ?::jsonb, 'queued', ?)`, [id, objectName, JSON.stringify(rule), context.stamp.actorLabel ?? context.actor]);
    await queue.enqueue(dedupeJobKind, { workspace: workspace.slug, runId: id, principal: context.access.principal }, { workspaceId: workspace.id, trx });
  });
  return getDedupeRun(context, id);
}

/** One run; NOT_FOUND unless the caller may update its object. */
export async function getDedupeRun(context: DataContext, id: string): Promise<DedupeRun> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const row = uuid ? (await context.knex.raw(`SELECT * FROM ${qualified(context.schema, duplicateTables.runs)} WHERE id = ?`, [id]) as { rows: RunRow[] }).rows[0] : undefined;
  if (!row || !context.access.visible(row.object)?.actions.has('update')) throw new TesseraError('NOT_FOUND', { what: `dedupe run ${id.slice(0, 64)}` });
  return runView(row);
}

/** The latest runs, of one object or of every object the caller may update. */
export async function listDedupeRuns(context: DataContext, objectName?: string): Promise<DedupeRun[]> {
  const { rows } = await context.knex.raw(`SELECT * FROM ${qualified(context.schema, duplicateTables.runs)}${objectName ? ' WHERE object = ?' : ''} ORDER BY created_at DESC LIMIT 50`, objectName ? [objectName] : []) as { rows: RunRow[] };
  return rows.filter((row) => context.access.visible(row.object)?.actions.has('update')).map(runView);
}

async function savePairs(context: DataContext, run: RunRow, pairs: FoundPair[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const table = qualified(context.schema, duplicateTables.pairs);
  const { rowCount } = await context.knex.raw(`INSERT INTO ${table} (object, run_id, record_id, candidate_id, score, similarity)
    SELECT ?, ?, x.r, x.c, x.s, x.sim FROM jsonb_to_recordset(?::jsonb) AS x(r uuid, c uuid, s real, sim jsonb)
    ON CONFLICT (object, least(record_id, candidate_id), greatest(record_id, candidate_id)) WHERE record_id IS NOT NULL DO NOTHING`, [
    run.object, run.id, JSON.stringify(pairs.map((pair) => ({ r: pair.record, c: pair.candidate, s: pair.score, sim: pair.similarity }))),
  ]) as { rowCount: number };
  return rowCount;
}

/** Records equal on every field of a key: each later record is paired with the earliest (grouped in SQL, within the caller's rows). */
async function exactPairs(context: DataContext, access: ObjectAccess, key: readonly string[], where: string, bindings: unknown[]): Promise<FoundPair[]> {
  const columns = key.map((name) => `t.${groupColumn(access.object, name)}`);
  const { rows } = await context.knex.raw(`SELECT (array_agg(t.id::text ORDER BY t.created_at, t.id))[1:${maxCandidatesPerBlock}] AS ids FROM ${qualified(context.schema, access.object.name)} AS t
    WHERE ${where} AND ${columns.map((column) => `${column} IS NOT NULL`).join(' AND ')} GROUP BY ${columns.join(', ')} HAVING count(*) > 1`, bindings as never[]) as { rows: { ids: string[] }[] };
  const similarity = Object.fromEntries(key.map((name) => [name, 1]));
  return rows.flatMap(({ ids }) => ids.slice(1).map((id) => ({ record: id, candidate: ids[0]!, score: 1, similarity })));
}

/** Pairs within one block whose score reaches the review band (each later record against the earlier ones). */
function blockPairs(rule: FuzzyMatching, block: Record<string, unknown>[]): FoundPair[] {
  const { review } = fuzzyBands(rule);
  const found: FoundPair[] = [];
  const members = block.slice(0, maxCandidatesPerBlock);
  for (let later = 1; later < members.length; later += 1) {
    for (let earlier = 0; earlier < later; earlier += 1) {
      const score = fuzzyScore(rule, members[later]!, members[earlier]!);
      if (score && score.score >= review) found.push({ record: members[later]!.id as string, candidate: members[earlier]!.id as string, score: score.score, similarity: score.fields });
    }
  }
  return found;
}

/**
 * Runs a dedupe: the records of one object within the principal's rows, exact keys first (one
 * grouping statement each), then the fuzzy rule's blocks: the ids of the records in blocks of two
 * or more, in block order, in one statement, then their values page by page, each block's records
 * scored pairwise. Every pair at or above the
 * review score goes to the queue; a pair already there (or kept apart) is not added again, so a
 * run killed midway simply runs again. The lease is renewed after every page.
 */
export async function runDedupe(context: DataContext, runId: string, lease?: Lease): Promise<DedupeRun> {
  const runs = qualified(context.schema, duplicateTables.runs);
  const run = (await context.knex.raw(`SELECT * FROM ${runs} WHERE id = ?`, [runId]) as { rows: RunRow[] }).rows[0];
  if (!run || run.status === 'done' || run.status === 'failed') return getDedupeRun(context, runId);
  try {
    const access = context.access.object(run.object, 'update');
    const object = access.object;
    const table = qualified(context.schema, object.name);
    const scope = rowScope(context, access, 't');
    const where = `t.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''}`;
    const bindings = scope?.bindings ?? [];
    const total = (await context.knex.raw(`SELECT count(*)::int AS n FROM ${table} AS t WHERE ${where}`, bindings as never[]) as { rows: { n: number }[] }).rows[0]!.n;
    await context.knex.raw(`UPDATE ${runs} SET status = 'running', records_total = ?, records_done = 0, pairs = 0 WHERE id = ?`, [total, runId]);
    let pairs = 0;
    for (const key of run.rule.on ?? []) pairs += await savePairs(context, run, await exactPairs(context, access, key, where, bindings));
    const fuzzy = run.rule.fuzzy;
    if (fuzzy) {
      const blockColumns = fuzzy.block.map((name) => `t.${groupColumn(object, name)}`);
      const fields = [...new Set([...fuzzy.block, ...Object.keys(fuzzy.compare)])];
      const selected = ['t.id', ...fields.map((name) => `t.${quoteIdent(name)}`)];
      // The records of blocks of two or more, in block order: their ids first, in one statement
      // (a page by page scan ordered by block re-read the whole table for every page: 257 s for
      // 1,050,000 customers), then their values page by page by id.
      const { rows: candidates } = await context.knex.raw(`SELECT t.id::text AS id FROM ${table} AS t
        WHERE ${where} AND (${blockColumns.join(', ')}) IN (SELECT ${blockColumns.join(', ')} FROM ${table} AS t WHERE ${where} GROUP BY ${blockColumns.join(', ')} HAVING count(*) > 1)
        ORDER BY ${[...blockColumns, 't.created_at', 't.id'].join(', ')}`, [...bindings, ...bindings] as never[]) as { rows: { id: string }[] };
      let block: Record<string, unknown>[] = [];
      let blockOf: string | undefined;
      for (let start = 0; start < candidates.length; start += pageSize) {
        const ids = candidates.slice(start, start + pageSize).map((row) => row.id);
        const { rows } = await context.knex.raw(`SELECT ${selected.join(', ')} FROM ${table} AS t WHERE t.id = ANY(?::uuid[])`, [ids]) as { rows: Record<string, unknown>[] };
        const byId = new Map(decryptRows(context.keys, object, rows).map((record) => [record.id as string, record]));
        const found: FoundPair[] = [];
        for (const id of ids) {
          const record = byId.get(id);
          if (!record) continue;
          const key = blockKey(fuzzy, record);
          if (key !== blockOf) {
            found.push(...blockPairs(fuzzy, block));
            block = [];
            blockOf = key;
          }
          block.push(record);
        }
        pairs += await savePairs(context, run, found);
        const share = Math.min(1, (start + ids.length) / candidates.length);
        await context.knex.raw(`UPDATE ${runs} SET records_done = ?, pairs = ? WHERE id = ?`, [Math.round(total * share), pairs, runId]);
        await lease?.renew();
      }
      pairs += await savePairs(context, run, blockPairs(fuzzy, block));
    }
    await context.knex.raw(`UPDATE ${runs} SET status = 'done', records_done = records_total, pairs = ?, finished_at = now() WHERE id = ?`, [pairs, runId]);
  } catch (error) {
    if (!(error instanceof TesseraError)) throw error;
    await context.knex.raw(`UPDATE ${runs} SET status = 'failed', error = ?::jsonb, finished_at = now() WHERE id = ?`, [JSON.stringify({ code: error.code, message: error.messages }), runId]);
  }
  return getDedupeRun(context, runId);
}
