import type { Knex } from 'knex';
import { hasColumn, type Blueprint, type Field } from '../../src/documents/index.js';
import { columnType, qualified, quoteIdent } from '../../src/schema/index.js';
import { label } from '../fixtures.js';
import { generateCell, type Cell } from './cells.js';
import type { Rng } from './rng.js';

/** A field and the value of every row, in row order. `def.relation.target` holds the target's object id. */
export interface ModelField {
  def: Field;
  cells: Cell[];
  /** Generated values never repeat, so that making the field unique can succeed. */
  distinct: boolean;
}

/** An object with its rows (ids in ascending order), its fields and its archived fields. */
export interface ModelObject {
  id: string;
  name: string;
  rowIds: string[];
  deleted: boolean[];
  fields: ModelField[];
  archived: Record<string, ModelField>;
}

/** What a workspace should hold: live objects, archived objects, and the applied version. */
export interface Model {
  objects: ModelObject[];
  archivedObjects: Record<string, ModelObject>;
  version: number;
  /** Source of fresh ids, names and distinct values. */
  seq: number;
}

const objectNames = ['accounts', 'contacts', 'deals', 'tickets', 'leads', 'orders', 'notes', 'visits'];
const fieldNames = ['title', 'amount', 'score', 'note', 'price', 'qty', 'born', 'seen', 'tags', 'stage', 'mail', 'meta', 'flag', 'owner', 'rank', 'city'];

function fresh(used: Set<string>, pool: string[], model: Model, rng: Rng): string {
  const free = pool.filter((name) => !used.has(name));
  return free.length > 0 ? rng.pick(free) : `${rng.pick(pool)}_${++model.seq}`;
}

/** A field name not used by the object's live fields (it may be the old name of an archived one). */
export function freshFieldName(model: Model, object: ModelObject, rng: Rng): string {
  return fresh(new Set(object.fields.map((field) => field.def.name)), fieldNames, model, rng);
}

/** An object name no live object has. */
export function freshObjectName(model: Model, rng: Rng): string {
  return fresh(new Set(model.objects.map((object) => object.name)), objectNames, model, rng);
}

/** Row ids sort in insertion order: object number, then row number. */
function rowId(objectId: string, index: number): string {
  const object = Number(objectId.slice(1)).toString(16).padStart(8, '0');
  return `${object}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** The blueprint document of a model: relation targets turned from object ids into names. */
export function renderBlueprint(model: Model): Blueprint {
  const names = new Map(model.objects.map((object) => [object.id, object.name] as const));
  return {
    label: label('property'),
    objects: model.objects.map((object) => ({
      id: object.id, name: object.name, label: label(object.id),
      fields: object.fields.map(({ def }) => (def.relation ? { ...def, relation: { ...def.relation, target: names.get(def.relation.target) ?? def.relation.target } } : def)),
    })),
  };
}

/** The live object with that id. */
export function liveObject(model: Model, objectId: string): ModelObject | undefined {
  return model.objects.find((object) => object.id === objectId);
}

/**
 * Adds rows to an object of the model (archived fields get null) and returns them as records for
 * insertRows.
 */
export function addRows(model: Model, object: ModelObject, count: number, rng: Rng, deletedShare: number): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const targetRows = (objectId: string) => liveObject(model, objectId)?.rowIds ?? [];
  for (let i = 0; i < count; i += 1) {
    const id = rowId(object.id, object.rowIds.length);
    const deleted = rng.chance(deletedShare);
    const record: Record<string, unknown> = { id, deleted_at: deleted ? '2024-01-01T00:00:00Z' : null };
    for (const field of object.fields.filter((candidate) => hasColumn(candidate.def))) {
      const value = generateCell(field.def, { rng, distinct: field.distinct || Boolean(field.def.unique), nextSeq: () => ++model.seq, targetRows });
      record[field.def.name] = value.json;
      field.cells.push(value.cell);
    }
    for (const field of Object.values(object.archived)) field.cells.push(null);
    object.rowIds.push(id);
    object.deleted.push(deleted);
    records.push(record);
  }
  return records;
}

/** Inserts records into an object's table in one statement, typed by the columns' own types. */
export async function insertRows(knex: Knex, schema: string, object: ModelObject, records: Record<string, unknown>[]): Promise<void> {
  if (records.length === 0) return;
  const fields = object.fields.map((field) => field.def).filter(hasColumn);
  const names = ['id', 'deleted_at', ...fields.map((field) => quoteIdent(field.name))].join(', ');
  const types = ['id uuid', 'deleted_at timestamptz', ...fields.map((field) => `${quoteIdent(field.name)} ${columnType(field)}`)].join(', ');
  await knex.raw(`INSERT INTO ${qualified(schema, object.name)} (${names}) SELECT ${names} FROM jsonb_to_recordset(?::jsonb) AS r(${types})`, [JSON.stringify(records)]);
}
