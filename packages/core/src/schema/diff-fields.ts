import { hasColumn, joinTableName, valueKindOf, type Field, type ObjectDefinition } from '../documents/index.js';
import type { ArchiveRecord } from './schema-state.js';
import type { PlanStep, StepCheck } from './plan-types.js';
import { planTypeChange } from './type-change.js';
import { constraintChecks } from './constraint-checks.js';
import { quoteIdent } from './sql-identifiers.js';
import { columnType } from './column-sql.js';
import { sequenceName } from './physical-names.js';
import { TesseraError } from '../errors/index.js';
import { planEncryptionChange } from './encryption-change.js';

/** Steps of one object's fields, grouped by the phase they run in. */
export interface FieldPhases {
  archive: PlanStep[];
  rename: PlanStep[];
  restore: PlanStep[];
  change: PlanStep[];
  joinTables: PlanStep[];
}

type Pending = Omit<StepCheck, 'violations' | 'examples'>;

/**
 * Object ids behind relation targets, which documents give by name: renaming the target object
 * is then no retarget, and archives keep the ids their relations had.
 */
export interface RelationTargets {
  /** Ids of the current blueprint's objects, by name. */
  before: Map<string, string>;
  /** Ids of the next blueprint's objects, by name. */
  after: Map<string, string>;
  /** Target ids recorded with the archive the fields come from (a restored object), by field id. */
  recorded?: Record<string, string>;
}

/** The object id each relation field points at, by field id (kept with archives). */
export function relationTargetIds(fields: Field[], ids: Map<string, string>, recorded?: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const field of fields) {
    const id = field.relation ? recorded?.[field.id] ?? ids.get(field.relation.target) : undefined;
    if (id !== undefined) result[field.id] = id;
  }
  return result;
}

/** Whether a field still points at the same object (true for two non-relations). */
function sameTarget(before: Field, beforeIds: Record<string, string>, after: Field, targets: RelationTargets): boolean {
  if (!before.relation || !after.relation) return !before.relation && !after.relation;
  return beforeIds[before.id] !== undefined && beforeIds[before.id] === targets.after.get(after.relation.target);
}

function pendingChecks(checks: Pick<StepCheck, 'rule' | 'predicate' | 'accepts'>[]): StepCheck[] {
  return checks.map((check): Pending & Pick<StepCheck, 'violations' | 'examples'> => ({ ...check, violations: 0, examples: [] }));
}

/** Is the change between two versions of a field one that touches the table? */
function alterStep(table: string, object: ObjectDefinition, before: Field, after: Field, timezone: string, retargeted: boolean): PlanStep | undefined {
  const base = { object: object.name, objectId: object.id, field: after.name, fieldId: after.id, table, before, after };
  if (hasColumn(before) !== hasColumn(after)) {
    throw new TesseraError('BAD_REQUEST', { reason: `field ${after.name} cannot move between a column and a join table; give the new relation a new id` });
  }
  if (!hasColumn(after)) {
    const retarget = before.relation?.kind !== after.relation?.kind || retargeted;
    return retarget ? { ...base, class: 'checked', kind: 'alter_field', checks: pendingChecks([{ rule: 'type', predicate: 'true', accepts: ['set_null'] }]) } : undefined;
  }
  const column = quoteIdent(after.name);
  const typeChange = (retargeted || !hasColumn(before)) && valueKindOf(after) === 'uuid'
    ? { using: 'NULL', check: { rule: 'type' as const, predicate: `${column} IS NOT NULL`, accepts: ['set_null' as const] } }
    : planTypeChange(before, after, column, timezone);
  const value = typeChange ? `(${typeChange.using})` : column;
  const guarded = constraintChecks(before, after, value).map((check) => typeChange?.check
    ? { ...check, predicate: `CASE WHEN ${typeChange.check.predicate} THEN false ELSE ${check.predicate} END` }
    : check);
  const checks = pendingChecks([...(typeChange?.check ? [typeChange.check] : []), ...guarded]);
  const physical = Boolean(typeChange) || before.required !== after.required || JSON.stringify(before.default) !== JSON.stringify(after.default)
    || before.autonumber?.pattern !== after.autonumber?.pattern || columnType(before) !== columnType(after);
  if (!physical && checks.length === 0) return undefined;
  const step: PlanStep = { ...base, class: checks.length > 0 ? 'checked' : 'safe', kind: 'alter_field', checks };
  if (typeChange) step.retype = { using: typeChange.using };
  return step;
}

function addStep(table: string, object: ObjectDefinition, field: Field): PlanStep[] {
  const base = { object: object.name, objectId: object.id, field: field.name, fieldId: field.id };
  if (field.relation?.kind === 'many_to_many') return [{ ...base, class: 'safe', kind: 'create_join_table', table: joinTableName(object.name, field.name), target: field.relation.target }];
  if (!hasColumn(field)) return [];
  const steps: PlanStep[] = [];
  if (field.type === 'autonumber') steps.push({ ...base, class: 'safe', kind: 'create_sequence', sequence: sequenceName(object.id, field.id) });
  const needsValue = field.required && field.default === undefined && field.type !== 'autonumber';
  const check: StepCheck | undefined = needsValue ? { rule: 'required', predicate: 'true', violations: 0, examples: [], accepts: ['set_value'] } : undefined;
  steps.push({ ...base, class: check ? 'checked' : 'safe', kind: 'add_field', table, after: field, ...(check ? { check } : {}) });
  return steps;
}

function archiveStep(table: string, object: ObjectDefinition, field: Field, targetIds: Record<string, string>): PlanStep | undefined {
  const base = {
    object: object.name, objectId: object.id, field: field.name, fieldId: field.id, class: 'destructive' as const, kind: 'archive_field' as const, table, column: field.name, before: field,
    ...(targetIds[field.id] ? { targetIds: { [field.id]: targetIds[field.id]! } } : {}),
  };
  if (field.relation?.kind === 'many_to_many') return { ...base, joinTable: joinTableName(object.name, field.name) };
  return hasColumn(field) ? base : undefined;
}

/**
 * Diffs the fields of one object (matched by stable id). Field steps run once objects are
 * archived, renamed and restored, so they all name the table by its new name.
 */
export function diffFields(
  before: ObjectDefinition, after: ObjectDefinition, archives: ArchiveRecord[], timezone: string, targets: RelationTargets,
): FieldPhases {
  const phases: FieldPhases = { archive: [], rename: [], restore: [], change: [], joinTables: [] };
  const beforeById = new Map(before.fields.map((field) => [field.id, field] as const));
  const afterIds = new Set(after.fields.map((field) => field.id));
  const beforeTargets = relationTargetIds(before.fields, targets.before, targets.recorded);
  for (const field of before.fields) {
    if (afterIds.has(field.id)) continue;
    const step = archiveStep(after.name, before, field, beforeTargets);
    if (step) phases.archive.push(step);
  }
  for (const field of after.fields) {
    const previous = beforeById.get(field.id);
    const base = { object: after.name, objectId: after.id, field: field.name, fieldId: field.id };
    if (!previous) {
      const archive = archives.find((record) => record.kind === 'field' && record.objectId === after.id && record.fieldId === field.id);
      if (archive?.definition.field && hasColumn(field) === hasColumn(archive.definition.field)) {
        const joinTable = field.relation?.kind === 'many_to_many' ? joinTableName(after.name, field.name) : undefined;
        phases.restore.push({ ...base, class: 'safe', kind: 'restore_field', table: after.name, archiveId: archive.id, physicalName: archive.physicalName, after: field, ...(joinTable ? { joinTable } : {}) });
        const archivedTargets = relationTargetIds([archive.definition.field], targets.before, archive.definition.targetIds);
        const retargeted = !sameTarget(archive.definition.field, archivedTargets, field, targets);
        const archived = { ...archive.definition.field, name: field.name, required: false };
        phases.change.push(...planEncryptionChange(after, after.name, archived, field, (from, to) => alterStep(after.name, after, from, to, timezone, retargeted)));
      } else {
        const steps = addStep(after.name, after, field);
        (field.relation?.kind === 'many_to_many' ? phases.joinTables : phases.change).push(...steps);
      }
      continue;
    }
    if (previous.name !== field.name) {
      if (field.relation?.kind === 'many_to_many') phases.rename.push({ ...base, class: 'safe', kind: 'rename_join_table', from: joinTableName(after.name, previous.name), to: joinTableName(after.name, field.name) });
      else if (hasColumn(field)) phases.rename.push({ ...base, class: 'safe', kind: 'rename_field', table: after.name, from: previous.name, to: field.name });
    }
    const retargeted = !sameTarget(previous, beforeTargets, field, targets);
    phases.change.push(...planEncryptionChange(after, after.name, { ...previous, name: field.name }, field, (from, to) => alterStep(after.name, after, from, to, timezone, retargeted)));
  }
  return phases;
}
