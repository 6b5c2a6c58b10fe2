import type { Field } from '../../src/documents/index.js';
import type { Conversion } from '../../src/schema/index.js';
import { label } from '../fixtures.js';
import { multiOptions, selectOptions, textLimit } from './cells.js';
import type { Rng } from './rng.js';

/** Field types the property generates. */
export const fieldTypes = ['text', 'email', 'integer', 'decimal', 'money', 'boolean', 'date', 'datetime', 'single_select', 'multi_select', 'json', 'relation'] as const;
export type FieldType = (typeof fieldTypes)[number];

const uniqueTypes: Field['type'][] = ['text', 'email', 'integer', 'decimal', 'money', 'date', 'datetime'];
const options = (values: string[]) => values.map((value) => ({ value, label: label(value) }));

/** A new field of a type, with random constraints. A relation without a target becomes text. */
export function newField(id: string, name: string, type: FieldType, rng: Rng, target: string | undefined): Field {
  const base: Field = { id, name, type, label: label(name) };
  if (rng.chance(0.2) && type !== 'multi_select' && type !== 'json') base.required = true;
  switch (type) {
    case 'relation':
      if (target === undefined) return newField(id, name, 'text', rng, undefined);
      return { ...base, relation: { kind: 'many_to_one', target } };
    case 'text': return { ...base, ...(rng.chance(0.5) ? { maxLength: rng.pick([16, 40]) } : {}), ...(rng.chance(0.15) ? { unique: true } : {}) };
    case 'email': case 'integer': return rng.chance(0.15) ? { ...base, unique: true } : base;
    case 'decimal': return rng.chance(0.5) ? { ...base, precision: 12, scale: 2 } : base;
    case 'money': return { ...base, currency: 'CNY' };
    case 'single_select': return { ...base, options: options(selectOptions) };
    case 'multi_select': return { ...base, options: options(multiOptions) };
    default: return base;
  }
}

/** A default that fits the field, for the types that get one. */
export function defaultFor(field: Field): unknown {
  switch (field.type) {
    case 'text': return 'none';
    case 'integer': return 0;
    case 'boolean': return false;
    case 'decimal': return '1.5';
    case 'single_select': return field.options![0]!.value;
    default: return undefined;
  }
}

/** A value for set_value conversions, valid before and after the change; undefined when none fits. */
export function sampleValue(field: Field, targetRows: string[]): string | number | boolean | undefined {
  switch (field.type) {
    case 'text': case 'email': return 'n/a';
    case 'integer': return Math.min(Math.max(7, field.min ?? 7), field.max ?? 7);
    case 'decimal': case 'money': return 2;
    case 'boolean': return true;
    case 'date': return '2001-02-03';
    case 'datetime': return '2001-02-03T04:05:06Z';
    case 'single_select': return field.options![0]!.value;
    case 'relation': return targetRows[0];
    default: return undefined;
  }
}

/** Whether the field may be unique (add_unique never meets bounds: distinct values ignore them). */
export function canBeUnique(field: Field): boolean {
  return uniqueTypes.includes(field.type) && field.min === undefined && field.max === undefined;
}

/** A field turned into another type: keywords that do not apply are dropped, so is the default. */
function retype(field: Field, type: Field['type'], extra: Partial<Field> = {}): Field {
  const { id, name, label: text, required, unique, options: choices } = field;
  const kept: Field = { id, name, type, label: text, ...(required ? { required } : {}) };
  if (unique && uniqueTypes.includes(type)) kept.unique = true;
  if (choices && (type === 'single_select' || type === 'multi_select')) kept.options = choices;
  if ((type === 'integer' || type === 'decimal') && (field.type === 'integer' || field.type === 'decimal')) {
    if (field.min !== undefined) kept.min = field.min;
    if (field.max !== undefined) kept.max = field.max;
  }
  return { ...kept, ...extra };
}

function without(field: Field, key: keyof Field): Field {
  const copy = { ...field };
  delete copy[key];
  return copy;
}

function moreOptions(field: Field): Field {
  const taken = new Set(field.options!.map((option) => option.value));
  return { ...field, options: [...field.options!, ...options([`extra${taken.size}`].filter((value) => !taken.has(value)))] };
}

/** Changes that lose nothing: wider types, relaxed constraints, more options. */
export function widenings(field: Field): ((field: Field) => Field)[] {
  const result: ((field: Field) => Field)[] = [];
  if (field.required) result.push((f) => without(f, 'required'));
  if (field.max !== undefined) result.push((f) => without(f, 'max'));
  switch (field.type) {
    case 'integer': result.push((f) => retype(f, 'decimal'), (f) => retype(f, 'text')); break;
    case 'decimal': case 'money': if (field.scale === 2 || field.type === 'money') result.push((f) => ({ ...f, precision: 18, scale: 4 })); break;
    case 'text': if (field.maxLength !== undefined) result.push((f) => ({ ...f, maxLength: f.maxLength! + 20 }), (f) => without(f, 'maxLength')); break;
    case 'single_select': result.push((f) => retype(f, 'text'), (f) => retype(f, 'multi_select'), moreOptions); break;
    case 'multi_select': result.push(moreOptions); break;
    case 'boolean': result.push((f) => retype(f, 'integer')); break;
    case 'date': result.push((f) => retype(f, 'datetime')); break;
    default: break;
  }
  return result;
}

/** A change that may break rows, with the conversions that resolve it. */
export interface Tightening {
  change: (field: Field) => Field;
  conversions: Conversion[];
}

function tighterText(field: Field, rng: Rng): Tightening | undefined {
  const limit = rng.pick([6, 8, 12]);
  if (field.type !== 'text' || limit >= (textLimit(field) ?? Infinity)) return undefined;
  // A limit its own default breaks is a document the engine refuses (INVALID_DOCUMENT), not a migration.
  if (typeof field.default === 'string' && field.default.length > limit) return undefined;
  return { change: (f) => ({ ...f, maxLength: limit }), conversions: [{ onInvalid: 'truncate' }, { onInvalid: 'set_null' }, { onInvalid: 'set_value', value: 'n/a' }] };
}

function tighterBound(field: Field, rng: Rng): Tightening | undefined {
  if (field.type !== 'integer' || field.unique) return undefined;
  const bound = rng.chance(0.5) ? { max: rng.pick([0, 5, 100, 300]) } : { min: rng.pick([-100, 0, 3]) };
  const next = { ...field, ...bound };
  if ((next.min ?? -Infinity) > (next.max ?? Infinity)) return undefined;
  if (typeof field.default === 'number' && (field.default < (next.min ?? -Infinity) || field.default > (next.max ?? Infinity))) return undefined;
  return { change: (f) => ({ ...f, ...bound }), conversions: [{ onInvalid: 'set_null' }, { onInvalid: 'set_value', value: bound.max ?? bound.min! }] };
}

function fewerOptions(field: Field): Tightening | undefined {
  if (!field.options || field.options.length < 2) return undefined;
  const drop = (f: Field) => ({ ...without(f, 'default'), options: f.options!.slice(1) });
  if (field.type === 'multi_select') return { change: drop, conversions: [{ onInvalid: 'set_null' }] };
  return { change: drop, conversions: [{ onInvalid: 'set_null' }, { onInvalid: 'set_value', value: field.options[1]!.value }] };
}

/** Changes that may break existing rows: required, shorter, bounded, narrower types, fewer options. */
export function tightenings(field: Field, targetRows: string[], rng: Rng): Tightening[] {
  const result: (Tightening | undefined)[] = [tighterText(field, rng), tighterBound(field, rng), fewerOptions(field)];
  const value = sampleValue(field, targetRows);
  if (!field.required && value !== undefined) result.push({ change: (f) => ({ ...f, required: true }), conversions: [{ onInvalid: 'set_value', value }] });
  if (field.type === 'decimal' || field.type === 'money') result.push({ change: (f) => retype(f, 'integer'), conversions: [{ onInvalid: 'set_null' }, { onInvalid: 'set_value', value: 0 }] });
  if (field.type === 'text') result.push({ change: (f) => retype(f, 'integer'), conversions: [{ onInvalid: 'set_null' }, { onInvalid: 'set_value', value: 0 }] });
  if (field.type === 'datetime') result.push({ change: (f) => retype(f, 'date'), conversions: [{ onInvalid: 'truncate' }, { onInvalid: 'set_null' }] });
  return result.filter((candidate): candidate is Tightening => candidate !== undefined);
}
