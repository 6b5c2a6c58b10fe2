import { randomUUID } from 'node:crypto';
import type { ImportMapping, ObjectModel } from '../documents/index.js';
import { findMatches, validateCreate, validateRecord, type DataContext, type ValidatedCreate } from '../data/index.js';
import type { FieldError } from '../errors/index.js';
import type { CompiledMapping } from './map/compile-mapping.js';
import { keyStrings, type MatchKeys } from './dedupe/match-keys.js';
import { mergeValue, type MergeRule } from './dedupe/merge-values.js';
import type { SourceRow } from './read/source-row.js';
import { resolveLookups } from './map/resolve-lookups.js';

/** What became of one row. */
export type RowOutcome = 'created' | 'updated' | 'merged' | 'skipped' | 'rejected';

/** One row's outcome, with its errors when rejected and the record it went to. */
export interface PlannedRow {
  row: SourceRow;
  outcome: RowOutcome;
  recordId?: string;
  errors?: FieldError[];
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

function changedValues(object: ObjectModel, mapping: ImportMapping, current: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  const action = mapping.match?.action ?? 'merge';
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(incoming)) {
    const rule: MergeRule = action === 'update' ? 'incoming' : mapping.match?.merge?.[name] ?? 'fill_empty';
    const merged = mergeValue(object.fields.get(name)!, rule, current[name], value);
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
 * or a stored record, by the first match key that hits), and decides per row: create, update or
 * merge into the match, skip, or reject (a cell that could not be read, or a record the validator
 * refuses; a rejected row changes nothing). Rows that match the same record fold into one change.
 */
export async function planBatch(context: DataContext, object: ObjectModel, mapping: ImportMapping, mapped: MappedSourceRow[]): Promise<BatchPlan> {
  await resolveLookups(context, object, mapping, mapped);
  const action = mapping.match?.action ?? 'merge';
  const keys = action === 'create' ? [] : mapping.match?.on ?? [];
  const stored = keys.length > 0 ? await storedMatches(context, object, keys, mapped.filter((item) => item.errors.length === 0).map((item) => item.record)) : new Map<string, Record<string, unknown>>();
  const inBatch = new Map<string, Target>();
  const updates = new Map<string, Target & { kind: 'update' }>();
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
        const update = updates.get(found.id as string) ?? { kind: 'update', update: { id: found.id as string, version: found.version as number, before: {}, changes: {}, current: { ...found } } };
        updates.set(found.id as string, update);
        target = update;
        break;
      }
    }
    if (!target) {
      const checked = validateCreate(object, { id: randomUUID(), ...record });
      if ('errors' in checked) {
        plan.rows.push({ row, outcome: 'rejected', errors: checked.errors });
        continue;
      }
      const created = checked.record;
      plan.creates.push(created);
      plan.rows.push({ row, outcome: 'created', recordId: created.id as string });
      for (const key of rowKeys) inBatch.set(key, { kind: 'create', record: created });
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
    for (const key of keyStrings(keys, current)) if (!inBatch.has(key)) inBatch.set(key, target);
    plan.rows.push({ row, outcome: action === 'update' ? 'updated' : 'merged', recordId: target.kind === 'create' ? current.id as string : target.update.id });
  }
  plan.updates = [...updates.values()].map((target) => target.update).filter((update) => Object.keys(update.changes).length > 0);
  return plan;
}
