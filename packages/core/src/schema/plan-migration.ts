import { joinTableName, type Blueprint, type ObjectDefinition } from '../documents/index.js';
import type { PlanStep } from './plan-types.js';
import type { SchemaState } from './schema-state.js';
import { diffFields, relationTargetIds, type FieldPhases } from './diff-fields.js';
import { desiredForeignKeys, desiredIndexes } from './desired-constraints.js';
import { sequenceName } from './physical-names.js';
import { orderRenames } from './order-renames.js';

interface Phases extends FieldPhases {
  dropIndexes: PlanStep[];
  dropForeignKeys: PlanStep[];
  archiveObjects: PlanStep[];
  renameObjects: PlanStep[];
  restoreObjects: PlanStep[];
  createObjects: PlanStep[];
  addForeignKeys: PlanStep[];
  createIndexes: PlanStep[];
}

function emptyPhases(): Phases {
  return {
    dropIndexes: [], dropForeignKeys: [], archive: [], archiveObjects: [], renameObjects: [], rename: [], restoreObjects: [],
    restore: [], createObjects: [], change: [], joinTables: [], addForeignKeys: [], createIndexes: [],
  };
}

function many(object: ObjectDefinition) {
  return object.fields.filter((field) => field.relation?.kind === 'many_to_many');
}

function addFieldPhases(phases: Phases, fields: FieldPhases): void {
  phases.archive.push(...fields.archive);
  phases.rename.push(...fields.rename);
  phases.restore.push(...fields.restore);
  phases.change.push(...fields.change);
  phases.joinTables.push(...fields.joinTables);
}

function objectIds(blueprint: Blueprint | null): Map<string, string> {
  return new Map((blueprint?.objects ?? []).map((object) => [object.name, object.id] as const));
}

function diffObjects(state: SchemaState, next: Blueprint, phases: Phases, timezone: string): void {
  const before = new Map((state.blueprint?.objects ?? []).map((object) => [object.id, object] as const));
  const afterIds = new Set(next.objects.map((object) => object.id));
  const targets = { before: objectIds(state.blueprint), after: objectIds(next) };
  for (const object of state.blueprint?.objects ?? []) {
    if (afterIds.has(object.id)) continue;
    const targetIds = relationTargetIds(object.fields, targets.before);
    phases.archiveObjects.push({ class: 'destructive', kind: 'archive_object', object: object.name, objectId: object.id, table: object.name, definition: object, targetIds });
  }
  for (const object of next.objects) {
    const previous = before.get(object.id);
    const base = { object: object.name, objectId: object.id };
    if (previous) {
      if (previous.name !== object.name) {
        phases.renameObjects.push({ ...base, class: 'safe', kind: 'rename_object', from: previous.name, to: object.name });
        for (const field of many(previous)) {
          if (object.fields.some((candidate) => candidate.id === field.id)) {
            phases.renameObjects.push({ ...base, class: 'safe', kind: 'rename_join_table', from: joinTableName(previous.name, field.name), to: joinTableName(object.name, field.name) });
          }
        }
      }
      addFieldPhases(phases, diffFields(previous, object, state.archives, timezone, targets));
      continue;
    }
    const archive = state.archives.find((record) => record.kind === 'object' && record.objectId === object.id);
    if (archive?.definition.object) {
      const archived = { ...archive.definition.object, name: object.name };
      phases.restoreObjects.push({ ...base, class: 'safe', kind: 'restore_object', archiveId: archive.id, physicalName: archive.physicalName, definition: archived });
      addFieldPhases(phases, diffFields(archived, object, state.archives, timezone, { ...targets, recorded: archive.definition.targetIds }));
      continue;
    }
    phases.createObjects.push({ ...base, class: 'safe', kind: 'create_object', definition: object });
    for (const field of object.fields) {
      if (field.type === 'autonumber') phases.createObjects.unshift({ ...base, field: field.name, fieldId: field.id, class: 'safe', kind: 'create_sequence', sequence: sequenceName(object.id, field.id) });
      if (field.relation?.kind === 'many_to_many') phases.joinTables.push({ ...base, field: field.name, fieldId: field.id, class: 'safe', kind: 'create_join_table', table: joinTableName(object.name, field.name), target: field.relation.target });
    }
  }
}

function diffConstraints(state: SchemaState, next: Blueprint, phases: Phases): void {
  const objectName = new Map(next.objects.map((object) => [object.id, object.name] as const));
  const oldIndexes = desiredIndexes(state.blueprint);
  const newIndexes = desiredIndexes(next);
  for (const [name, index] of oldIndexes) {
    if (!newIndexes.has(name)) phases.dropIndexes.push({ class: 'safe', kind: 'drop_index', object: index.table, objectId: index.objectId, index: name });
  }
  for (const [name, index] of newIndexes) {
    if (oldIndexes.has(name)) continue;
    const table = objectName.get(index.objectId) ?? index.table;
    const check = index.unique ? { rule: 'unique' as const, predicate: '', violations: 0, examples: [], accepts: [] } : undefined;
    phases.createIndexes.push({ class: index.unique ? 'checked' : 'safe', kind: 'create_index', object: table, objectId: index.objectId, table, index: name, columns: index.columns, unique: index.unique, ...(check ? { check } : {}) });
  }
  const oldKeys = desiredForeignKeys(state.blueprint);
  const newKeys = desiredForeignKeys(next);
  const same = (a: ReturnType<typeof oldKeys.get>, b: ReturnType<typeof oldKeys.get>) => a?.onDelete === b?.onDelete && a?.target === b?.target;
  for (const [name, key] of oldKeys) {
    if (!same(key, newKeys.get(name))) phases.dropForeignKeys.push({ class: 'safe', kind: 'drop_foreign_key', object: key.table, objectId: key.objectId, table: key.table, constraint: name });
  }
  for (const [name, key] of newKeys) {
    if (!same(key, oldKeys.get(name))) phases.addForeignKeys.push({ class: 'safe', kind: 'add_foreign_key', object: key.table, objectId: key.objectId, table: key.table, column: key.column, constraint: name, target: key.target, onDelete: key.onDelete });
  }
}

/**
 * Plans the steps that take a workspace's tables from their current state to a new blueprint,
 * in an order that never needs a name before it is free: drop constraints; archive, rename and
 * restore objects; then the same for fields (inside tables that now have their new names); create,
 * change, join tables, foreign keys, indexes. Checks are counted separately.
 */
export function planMigrationSteps(state: SchemaState, next: Blueprint): PlanStep[] {
  const phases = emptyPhases();
  const timezone = next.timezone ?? 'Asia/Shanghai';
  diffObjects(state, next, phases, timezone);
  diffConstraints(state, next, phases);
  return [
    ...phases.dropIndexes, ...phases.dropForeignKeys, ...phases.archiveObjects, ...orderRenames(phases.renameObjects), ...phases.restoreObjects,
    ...phases.archive, ...orderRenames(phases.rename), ...phases.restore, ...phases.createObjects, ...phases.change,
    ...phases.joinTables, ...phases.addForeignKeys, ...phases.createIndexes,
  ];
}
