import fc from 'fast-check';
import type { Conversion, Conversions } from '../../src/schema/index.js';
import { canBeUnique, defaultFor, fieldTypes, newField, sampleValue, tightenings, widenings, type FieldType, type Tightening } from './field-shapes.js';
import { freshFieldName, freshObjectName, liveObject, type Model, type ModelField, type ModelObject } from './model.js';
import type { ConversionsById } from './predict.js';
import { createRng, type Rng } from './rng.js';

const editOps = [
  'rename_field', 'swap_fields', 'add_field', 'remove_field', 'restore_field', 'widen', 'tighten', 'toggle_unique',
  'rename_object', 'swap_objects', 'remove_object', 'restore_object', 'add_object',
] as const;

/** One blueprint edit; what it touches is drawn from its seed when it is applied to a model. */
export interface Edit {
  op: (typeof editOps)[number];
  seed: number;
}

/** A step of a scenario: one blueprint change made of edits, or rows inserted into an object. */
export type Action = { kind: 'change'; edits: Edit[] } | { kind: 'insert'; seed: number; count: number };

/** The first blueprint: objects with field types and row counts; everything else comes from `seed`. */
export interface InitialSpec {
  objects: { fields: FieldType[]; rows: number }[];
  seed: number;
}

export const initialSpecArbitrary: fc.Arbitrary<InitialSpec> = fc.record({
  objects: fc.array(fc.record({ fields: fc.array(fc.constantFrom(...fieldTypes), { minLength: 2, maxLength: 7 }), rows: fc.integer({ min: 30, max: 150 }) }), { minLength: 2, maxLength: 3 }),
  seed: fc.nat(),
});

// Restores only do something once a removal happened: drawn more often so that they do.
const opArbitrary = fc.oneof(...editOps.map((op) => ({ weight: op.startsWith('restore_') ? 3 : 1, arbitrary: fc.constant(op) })));

export const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('change' as const), edits: fc.array(fc.record({ op: opArbitrary, seed: fc.nat() }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), seed: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }) },
);

/** A blueprint change ready to apply: the next model (values not yet converted) and the conversions. */
export interface ResolvedChange {
  next: Model;
  conversionsById: ConversionsById;
  conversions: Conversions;
  log: string[];
}

interface EditContext {
  next: Model;
  rng: Rng;
  conversions: ConversionsById;
  touched: Set<string>;
}

const fieldKey = (object: ModelObject, field: ModelField) => `${object.id}/${field.def.id}`;
const rowsOf = (context: EditContext, objectId: string | undefined) => (objectId ? liveObject(context.next, objectId)?.rowIds ?? [] : []);

function pickField(context: EditContext, accept: (field: ModelField, object: ModelObject) => boolean): [ModelObject, ModelField] | undefined {
  const candidates = context.next.objects.flatMap((object) => object.fields
    .filter((field) => !context.touched.has(fieldKey(object, field)) && accept(field, object))
    .map((field) => [object, field] as [ModelObject, ModelField]));
  if (candidates.length === 0) return undefined;
  const picked = context.rng.pick(candidates);
  context.touched.add(fieldKey(...picked));
  return picked;
}

function pickObjects(context: EditContext, count: number, accept: (object: ModelObject) => boolean): ModelObject[] | undefined {
  const candidates = context.next.objects.filter((object) => !context.touched.has(object.id) && accept(object));
  if (candidates.length < count) return undefined;
  const picked: ModelObject[] = [];
  while (picked.length < count) {
    const object = context.rng.pick(candidates.filter((candidate) => !picked.includes(candidate)));
    context.touched.add(object.id);
    picked.push(object);
  }
  return picked;
}

function addFieldTo(context: EditContext, object: ModelObject): string {
  const { next, rng } = context;
  const targets = next.objects.filter((candidate) => candidate !== object);
  const def = newField(`f${++next.seq}`, freshFieldName(next, object, rng), rng.pick(fieldTypes), rng, targets.length > 0 ? rng.pick(targets).id : undefined);
  const field: ModelField = { def, cells: object.rowIds.map(() => null), distinct: rng.chance(0.5) };
  delete def.required;
  const mode = rng.pick(['optional', 'default', 'required'] as const);
  const fallback = defaultFor(def);
  if (mode === 'default' && fallback !== undefined) Object.assign(def, { default: fallback }, rng.chance(0.5) ? { required: true } : {});
  const value = sampleValue(def, rowsOf(context, def.relation?.target));
  if (mode === 'required' && value !== undefined) {
    def.required = true;
    context.conversions.set(fieldKey(object, field), { onInvalid: 'set_value', value });
  }
  object.fields.push(field);
  context.touched.add(fieldKey(object, field));
  return `add ${mode} field ${object.name}.${def.name} (${def.type}${def.unique ? ', unique' : ''})`;
}

function restorableFields(context: EditContext, object: ModelObject): ModelField[] {
  const live = new Set(context.next.objects.map((candidate) => candidate.id));
  return Object.values(object.archived).filter((field) => !field.def.relation || live.has(field.def.relation.target));
}

function setConversion(context: EditContext, object: ModelObject, field: ModelField, choices: Conversion[]): string {
  if (choices.length === 0) return 'no conversion';
  const conversion = context.rng.pick(choices);
  context.conversions.set(fieldKey(object, field), conversion);
  return JSON.stringify(conversion);
}

const edits: Record<Edit['op'], (context: EditContext) => string | undefined> = {
  rename_field(context) {
    const [object, field] = pickField(context, () => true) ?? [];
    if (!object || !field) return undefined;
    const from = field.def.name;
    field.def.name = freshFieldName(context.next, object, context.rng);
    return `rename field ${object.name}.${from} to ${field.def.name}`;
  },
  swap_fields(context) {
    const free = (object: ModelObject) => object.fields.filter((field) => !context.touched.has(fieldKey(object, field)));
    const objects = context.next.objects.filter((object) => free(object).length >= 2);
    if (objects.length === 0) return undefined;
    const object = context.rng.pick(objects);
    const [, a] = pickField(context, (_, owner) => owner === object)!;
    const [, b] = pickField(context, (_, owner) => owner === object)!;
    [a.def.name, b.def.name] = [b.def.name, a.def.name];
    return `swap field names ${object.name}.${b.def.name} and ${a.def.name}`;
  },
  add_field(context) {
    return context.next.objects.length > 0 ? addFieldTo(context, context.rng.pick(context.next.objects)) : undefined;
  },
  remove_field(context) {
    const [object, field] = pickField(context, () => true) ?? [];
    if (!object || !field) return undefined;
    object.fields.splice(object.fields.indexOf(field), 1);
    object.archived[field.def.id] = field;
    return `remove field ${object.name}.${field.def.name}`;
  },
  restore_field(context) {
    const objects = context.next.objects.filter((object) => restorableFields(context, object).length > 0);
    if (objects.length === 0) return undefined;
    const object = context.rng.pick(objects);
    const field = context.rng.pick(restorableFields(context, object));
    delete object.archived[field.def.id];
    if (object.fields.some((other) => other.def.name === field.def.name)) field.def.name = freshFieldName(context.next, object, context.rng);
    if (context.rng.chance(0.3)) delete field.def.required;
    object.fields.splice(context.rng.int(0, object.fields.length), 0, field);
    context.touched.add(fieldKey(object, field));
    const value = sampleValue(field.def, rowsOf(context, field.def.relation?.target));
    const conversion = field.def.required ? setConversion(context, object, field, value === undefined ? [] : [{ onInvalid: 'set_value', value }]) : '';
    return `restore field ${object.name}.${field.def.name} ${conversion}`.trim();
  },
  widen(context) {
    const [object, field] = pickField(context, (candidate) => widenings(candidate.def).length > 0) ?? [];
    if (!object || !field) return undefined;
    const before = JSON.stringify(field.def);
    field.def = context.rng.pick(widenings(field.def))(field.def);
    return `widen ${object.name}.${field.def.name}: ${before} -> ${JSON.stringify(field.def)}`;
  },
  tighten(context) {
    const choices = new Map<ModelField, Tightening[]>();
    const [object, field] = pickField(context, (candidate) => {
      choices.set(candidate, tightenings(candidate.def, rowsOf(context, candidate.def.relation?.target), context.rng));
      return choices.get(candidate)!.length > 0;
    }) ?? [];
    if (!object || !field) return undefined;
    const tightening = context.rng.pick(choices.get(field)!);
    const before = JSON.stringify(field.def);
    field.def = tightening.change(field.def);
    const conversion = setConversion(context, object, field, tightening.conversions);
    return `tighten ${object.name}.${field.def.name}: ${before} -> ${JSON.stringify(field.def)} with ${conversion}`;
  },
  toggle_unique(context) {
    const [object, field] = pickField(context, (candidate) => Boolean(candidate.def.unique) || canBeUnique(candidate.def)) ?? [];
    if (!object || !field) return undefined;
    if (field.def.unique) delete field.def.unique;
    else field.def.unique = true;
    return `${field.def.unique ? 'add' : 'drop'} unique on ${object.name}.${field.def.name}`;
  },
  rename_object(context) {
    const [object] = pickObjects(context, 1, () => true) ?? [];
    if (!object) return undefined;
    const from = object.name;
    object.name = freshObjectName(context.next, context.rng);
    return `rename object ${from} to ${object.name}`;
  },
  swap_objects(context) {
    const [a, b] = pickObjects(context, 2, () => true) ?? [];
    if (!a || !b) return undefined;
    [a.name, b.name] = [b.name, a.name];
    return `swap object names ${b.name} and ${a.name}`;
  },
  remove_object(context) {
    const { next } = context;
    const referenced = (object: ModelObject) => next.objects.some((other) => other !== object && other.fields.some((field) => field.def.relation?.target === object.id));
    const untouched = (object: ModelObject) => ![...context.touched].some((key) => key.startsWith(`${object.id}/`));
    const [object] = pickObjects(context, 1, (candidate) => untouched(candidate) && !referenced(candidate)) ?? [];
    if (!object) return undefined;
    next.objects.splice(next.objects.indexOf(object), 1);
    next.archivedObjects[object.id] = object;
    return `remove object ${object.name}`;
  },
  restore_object(context) {
    const { next, rng } = context;
    const live = (id: string) => next.objects.some((object) => object.id === id);
    const candidates = Object.values(next.archivedObjects).filter((object) => object.fields.every((field) => !field.def.relation || live(field.def.relation.target)));
    if (candidates.length === 0) return undefined;
    const object = rng.pick(candidates);
    delete next.archivedObjects[object.id];
    const from = object.name;
    if (next.objects.some((other) => other.name === object.name)) object.name = freshObjectName(next, rng);
    next.objects.push(object);
    context.touched.add(object.id);
    return `restore object ${from} as ${object.name}`;
  },
  add_object(context) {
    const { next, rng } = context;
    const object: ModelObject = { id: `o${++next.seq}`, name: freshObjectName(next, rng), rowIds: [], deleted: [], fields: [], archived: {} };
    next.objects.push(object);
    context.touched.add(object.id);
    const fields = Array.from({ length: rng.int(1, 3) }, () => addFieldTo(context, object));
    return `add object ${object.name}: ${fields.join('; ')}`;
  },
};

/** Applies a change's edits to a copy of the model; undefined when none of them applied. */
export function resolveChange(model: Model, action: Extract<Action, { kind: 'change' }>): ResolvedChange | undefined {
  const next = structuredClone(model);
  const conversions: ConversionsById = new Map();
  const log: string[] = [];
  const touched = new Set<string>();
  for (const edit of action.edits) {
    const line = edits[edit.op]({ next, rng: createRng(edit.seed), conversions, touched });
    if (line) log.push(line);
  }
  if (log.length === 0) return undefined;
  const byName: Conversions = {};
  for (const [key, conversion] of conversions) {
    const [objectId, fieldId] = key.split('/');
    const object = liveObject(next, objectId!);
    const field = object?.fields.find((candidate) => candidate.def.id === fieldId);
    if (object && field) byName[`${object.name}.${field.def.name}`] = conversion;
  }
  return { next, conversionsById: conversions, conversions: byName, log };
}

/** The model of a first blueprint (no rows yet); relations point at earlier objects, whose rows exist first. */
export function initialModel(spec: InitialSpec): Model {
  const model: Model = { objects: [], archivedObjects: {}, version: 0, seq: 0 };
  const rng = createRng(spec.seed);
  for (const objectSpec of spec.objects) {
    const object: ModelObject = { id: `o${++model.seq}`, name: freshObjectName(model, rng), rowIds: [], deleted: [], fields: [], archived: {} };
    const targets = [...model.objects];
    for (const type of objectSpec.fields) {
      const def = newField(`f${++model.seq}`, freshFieldName(model, object, rng), type, rng, targets.length > 0 ? rng.pick(targets).id : undefined);
      object.fields.push({ def, cells: [], distinct: rng.chance(0.5) });
    }
    model.objects.push(object);
  }
  return model;
}
