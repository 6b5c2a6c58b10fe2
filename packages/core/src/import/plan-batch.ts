import { randomUUID } from 'node:crypto';
import type { FuzzyMatching, ImportMapping, ObjectModel } from '../documents/index.js';
import { findMatches, validateCreate, validateRecord, type DataContext, type ValidatedCreate } from '../data/index.js';
import type { FieldError } from '../errors/index.js';
import type { CompiledMapping } from './map/compile-mapping.js';
import { keyStrings, type MatchKeys } from './dedupe/match-keys.js';
import { mergeValue, type MergeRule } from '../data/index.js';
import { blockKey, fuzzyBands, fuzzyScore, type FuzzyScore } from './dedupe/fuzzy-score.js';
import type { SourceRow } from './read/source-row.js';
import { resolveLookups } from './map/resolve-lookups.js';

/** What became of one row. */
export type RowOutcome = 'created' | 'updated' | 'merged' | 'skipped' | 'rejected' | 'review';

/** A row that probably duplicates a record (its fuzzy score in the review band): the record it would create, and the candidate. */
export interface ReviewedRow {
  record: ValidatedCreate;
  candidateId: string;
  score: FuzzyScore;
}

/** One row's outcome, with its errors when rejected and the record it went to. */
export interface PlannedRow {
  row: SourceRow;
  outcome: RowOutcome;
  recordId?: string;
  errors?: FieldError[];
  review?: ReviewedRow;
}

/** A stored record the batch changes: its values before, the changes of every row that matched it, and its values after. */
export interface PlannedUpdate {
  id: string;
  version: number;
  before: Record<string, unknown>;
  changes: Record<string, unknown>;
  current: Record<string, unknown>;
}

/** A batch worked out and not yet written: records to create, records to change, every row's outcome. */
export interface BatchPlan {
  creates: ValidatedCreate[];
  updates: PlannedUpdate[];
  rows: PlannedRow[];
}

type Target = { kind: 'create'; record: Record<string, unknown> } | { kind: 'update'; update: PlannedUpdate };

/** The stored records matching the rows' keys, by key string (a key's first field is looked up, the rest compared here). */
async function storedMatches(context: DataContext, object: ObjectModel, keys: MatchKeys, records: Record<string, unknown>[]): Promise<Map<string, Record<string, unknown>>> {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const fields of keys) {
    const values = [...new Set(records.map((record) => record[fields[0]!]).filter((value) => value !== undefined && value !== null && value !== ''))];
    if (values.length === 0) continue;
    for (const found of await findMatches(context, object.name, fields[0]!, values)) {
      for (const key of keyStrings(keys, found)) if (!byKey.has(key)) byKey.set(key, found);
    }
  }
  return byKey;
}

/** Candidates scored per block at most: a block as wide as a whole city is a rule to narrow, not a reason to compare a batch with the table. */
export const maxCandidatesPerBlock = 200;

/** The stored records sharing a block with the rows, by block key (the block's first field is looked up, the rest compared here). */
async function storedBlocks(context: DataContext, object: ObjectModel, rule: FuzzyMatching, records: Record<string, unknown>[]): Promise<Map<string, Record<string, unknown>[]>> {
  const byBlock = new Map<string, Record<string, unknown>[]>();
  const values = [...new Set(records.filter((record) => blockKey(rule, record) !== undefined).map((record) => record[rule.block[0]!]))];
  if (values.length === 0) return byBlock;
  for (const found of await findMatches(context, object.name, rule.block[0]!, values)) {
    const key = blockKey(rule, found)!;
    const block = byBlock.get(key) ?? [];
    if (block.length < maxCandidatesPerBlock) block.push(found);
    byBlock.set(key, block);
  }
  return byBlock;
}

/** The best-scoring candidate of a record among its block's targets. */
function bestCandidate(rule: FuzzyMatching, record: Record<string, unknown>, candidates: Target[]): { target: Target; score: FuzzyScore } | undefined {
  let best: { target: Target; score: FuzzyScore } | undefined;
  for (const target of candidates) {
    const score = fuzzyScore(rule, record, target.kind === 'create' ? target.record : target.update.current);
    if (score && (!best || score.score > best.score.score)) best = { target, score };
  }
  return best;
}

const targetId = (target: Target) => (target.kind === 'create' ? target.record.id : target.update.id) as string;

const timeOf = (value: unknown) => (typeof value === 'string' && value !== '' ? Date.parse(value) : Number.NaN);

/** Whether the incoming row is the newer record (by `newestBy`; without it, the file is the newest) and whether its source ranks higher. */
function preference(mapping: ImportMapping, current: Record<string, unknown>, incoming: Record<string, unknown>): { newest: boolean; source: boolean } {
  const match = mapping.match ?? {};
  let newest = true;
  if (match.newestBy) {
    const [mine, theirs] = [timeOf(incoming[match.newestBy]), timeOf(current[match.newestBy])];
    newest = Number.isNaN(theirs) || (!Number.isNaN(mine) && mine > theirs);
  }
  const ranks = match.sourcePriority ?? [];
  const rank = (value: unknown) => (typeof value === 'string' && ranks.includes(value) ? ranks.indexOf(value) : ranks.length);
  const source = match.sourceField !== undefined && rank(incoming[match.sourceField]) < rank(current[match.sourceField]);
  return { newest, source };
}

/** The fields a row changes in the record it matches, by the mapping's action and merge rules. */
export function changedValues(object: ObjectModel, mapping: ImportMapping, current: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  const action = mapping.match?.action ?? 'merge';
  const changes: Record<string, unknown> = {};
  const preferred = preference(mapping, current, incoming);
  for (const [name, value] of Object.entries(incoming)) {
    const rule: MergeRule = action === 'update' ? 'incoming' : mapping.match?.merge?.[name] ?? 'fill_empty';
    const merged = mergeValue(object.fields.get(name)!, rule, current[name], value, rule === 'newest' ? preferred.newest : preferred.source);
    if (JSON.stringify(merged) !== JSON.stringify(current[name] ?? null)) changes[name] = merged;
  }
  return changes;
}

/** A source row mapped to a record (and the errors of cells that could not be read). */
export interface MappedSourceRow {
  row: SourceRow;
  record: Record<string, unknown>;
  errors: FieldError[];
}

/** Maps a batch's rows: pure work, done while the previous batch is being written. */
export function mapRows(compiled: CompiledMapping, rows: SourceRow[]): MappedSourceRow[] {
  return rows.map((row) => ({ row, ...compiled.mapRow(row.cells) }));
}

/**
 * Works out a batch of mapped rows: finds the record it duplicates (a row earlier in the batch,
 * or a stored record, by the first match key that hits, else by the fuzzy rule's best candidate
 * at or above its threshold), and decides per row: create, update or merge into the match, skip,
 * send to the review queue (a fuzzy candidate in the review band), or reject (a cell that could not be read, or a record the validator
 * refuses; a rejected row changes nothing). Rows that match the same record fold into one change.
 */
export async function planBatch(context: DataContext, object: ObjectModel, mapping: ImportMapping, mapped: MappedSourceRow[]): Promise<BatchPlan> {
  await resolveLookups(context, object, mapping, mapped);
  const action = mapping.match?.action ?? 'merge';
  const keys = action === 'create' ? [] : mapping.match?.on ?? [];
  const fuzzy = action === 'create' ? undefined : mapping.match?.fuzzy;
  const valid = mapped.filter((item) => item.errors.length === 0).map((item) => item.record);
  const stored = keys.length > 0 ? await storedMatches(context, object, keys, valid) : new Map<string, Record<string, unknown>>();
  const storedByBlock = fuzzy ? await storedBlocks(context, object, fuzzy, valid) : new Map<string, Record<string, unknown>[]>();
  const bands = fuzzy && fuzzyBands(fuzzy);
  const inBatch = new Map<string, Target>();
  const inBatchBlocks = new Map<string, Target[]>();
  const updates = new Map<string, Target & { kind: 'update' }>();
  const updateOf = (found: Record<string, unknown>) => {
    const update = updates.get(found.id as string) ?? { kind: 'update', update: { id: found.id as string, version: found.version as number, before: {}, changes: {}, current: { ...found } } };
    updates.set(found.id as string, update);
    return update;
  };
  /** The block's candidates: records created or changed earlier in the batch, then stored ones not among them. */
  const candidatesOf = (block: string): Target[] => {
    const here = inBatchBlocks.get(block) ?? [];
    const ids = new Set(here.map(targetId));
    return [...here, ...(storedByBlock.get(block) ?? []).filter((found) => !ids.has(found.id as string)).map((found) => updates.get(found.id as string) ?? { kind: 'update' as const, update: { id: found.id as string, version: found.version as number, before: {}, changes: {}, current: found } })];
  };
  const remember = (target: Target, record: Record<string, unknown>) => {
    for (const key of keyStrings(keys, record)) if (!inBatch.has(key)) inBatch.set(key, target);
    const block = fuzzy && blockKey(fuzzy, record);
    if (block !== undefined && !(inBatchBlocks.get(block) ?? []).includes(target)) inBatchBlocks.set(block, [...(inBatchBlocks.get(block) ?? []), target]);
  };
  const plan: BatchPlan = { creates: [], updates: [], rows: [] };
  for (const { row, record, errors } of mapped) {
    if (errors.length > 0) {
      plan.rows.push({ row, outcome: 'rejected', errors });
      continue;
    }
    const rowKeys = keyStrings(keys, record);
    let target: Target | undefined;
    for (const key of rowKeys) {
      target = inBatch.get(key);
      if (target) break;
      const found = stored.get(key);
      if (found) {
        target = updateOf(found);
        break;
      }
    }
    let likely: { target: Target; score: FuzzyScore } | undefined;
    if (!target && fuzzy && bands) {
      const block = blockKey(fuzzy, record);
      likely = block === undefined ? undefined : bestCandidate(fuzzy, record, candidatesOf(block));
      if (likely && likely.score.score >= bands.threshold) target = likely.target.kind === 'update' ? updateOf(likely.target.update.current) : likely.target;
      else if (likely && likely.score.score < bands.review) likely = undefined;
    }
    if (!target) {
      const checked = validateCreate(object, { id: randomUUID(), ...record });
      if ('errors' in checked) {
        plan.rows.push({ row, outcome: 'rejected', errors: checked.errors });
        continue;
      }
      if (likely) {
        // Probably the same record, but not surely: a person decides in the review queue; nothing is written for the row meanwhile.
        plan.rows.push({ row, outcome: 'review', review: { record: checked.record, candidateId: targetId(likely.target), score: likely.score } });
        continue;
      }
      const created = checked.record;
      plan.creates.push(created);
      plan.rows.push({ row, outcome: 'created', recordId: created.id as string });
      remember({ kind: 'create', record: created }, created);
      continue;
    }
    if (action === 'skip') {
      plan.rows.push({ row, outcome: 'skipped', recordId: target.kind === 'create' ? target.record.id as string : target.update.id });
      continue;
    }
    const current = target.kind === 'create' ? target.record : target.update.current;
    const changes = changedValues(object, mapping, current, record);
    const invalid = validateRecord(object, changes, 'patch');
    if (invalid.length > 0) {
      plan.rows.push({ row, outcome: 'rejected', errors: invalid });
      continue;
    }
    if (target.kind === 'update') {
      for (const name of Object.keys(changes)) if (!(name in target.update.before)) target.update.before[name] = current[name] ?? null;
      Object.assign(target.update.changes, changes);
    }
    Object.assign(current, changes);
    remember(target, current);
    plan.rows.push({ row, outcome: action === 'update' ? 'updated' : 'merged', recordId: target.kind === 'create' ? current.id as string : target.update.id });
  }
  plan.updates = [...updates.values()].map((target) => target.update).filter((update) => Object.keys(update.changes).length > 0);
  return plan;
}
