import type { ModelField } from '../api/workspace-model.js';
import { isToMany, isWritable } from './field-schema.js';

/** A record's values as the form holds them: exact numbers as numbers, relations as ids, json as its text. */
export type FormValues = Record<string, unknown>;

/** What the form shows of a record, and the personal values it keeps unless the user types new ones. */
export interface FormStart {
  data: FormValues;
  /** Personal field → its masked value (shown as the placeholder, never sent back). */
  kept: Record<string, string>;
}

const decimalTypes = new Set(['decimal', 'money', 'percent']);

function isDecimal(field: ModelField): boolean {
  return decimalTypes.has(field.type) || (field.type === 'computed' && field.computed?.resultType === 'decimal');
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'id' in value) return String((value as { id: unknown }).id);
  return undefined;
}

function formValue(field: ModelField, value: unknown): unknown {
  if (isDecimal(field) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (field.type === 'json') return JSON.stringify(value, null, 2);
  if (field.type !== 'relation') return value;
  if (!isToMany(field)) return idOf(value);
  return Array.isArray(value) ? value.map(idOf).filter((id) => id !== undefined) : undefined;
}

/**
 * A record's values for the form. With `keepPersonal` (an existing record, read masked) personal
 * values start empty and are listed in `kept`: a masked value such as 138****1234 must never be
 * edited into a new value nor written back.
 */
export function toFormData(fields: readonly ModelField[], record: Readonly<Record<string, unknown>>, keepPersonal: boolean): FormStart {
  const byName = new Map(fields.map((field) => [field.name, field] as const));
  const start: FormStart = { data: {}, kept: {} };
  for (const [name, value] of Object.entries(record)) {
    const field = byName.get(name);
    if (value === null || value === undefined) continue;
    if (!field) start.data[name] = value;
    else if (keepPersonal && field.personal) start.kept[name] = typeof value === 'string' ? value : JSON.stringify(value);
    else {
      const shown = formValue(field, value);
      if (shown !== undefined) start.data[name] = shown;
    }
  }
  return start;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** The values to send, and the json fields whose text is not JSON (nothing is sent then). */
export interface Changes {
  values: Record<string, unknown>;
  badJson: string[];
}

function sent(field: ModelField, value: unknown, changes: Changes): unknown {
  if (isEmpty(value)) return isToMany(field) ? [] : null;
  if (field.type !== 'json' || typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    changes.badJson.push(field.name);
    return undefined;
  }
}

/**
 * What a save sends: for a new record (`before` undefined) every writable field with a value; for
 * an existing one only the writable fields whose value changed (a cleared one as null), so kept
 * personal values and fields the user did not touch are never written.
 */
export function recordChanges(fields: readonly ModelField[], before: FormValues | undefined, after: FormValues): Changes {
  const changes: Changes = { values: {}, badJson: [] };
  for (const field of fields) {
    if (!isWritable(field)) continue;
    const value = after[field.name];
    if (before === undefined ? isEmpty(value) : same(value, before[field.name])) continue;
    const outgoing = sent(field, value, changes);
    if (outgoing !== undefined) changes.values[field.name] = outgoing;
  }
  return changes;
}

/** Edits moved onto a newer version of the record, and the fields someone else changed too. */
export interface Rebased {
  data: FormValues;
  conflicts: string[];
}

/**
 * Keeps the user's edits on top of the record's latest version (after a version conflict): the
 * fields they changed keep their values, every other field takes the latest one.
 */
export function rebaseEdits(fields: readonly ModelField[], before: FormValues, latest: FormValues, edited: FormValues): Rebased {
  const rebased: Rebased = { data: { ...latest }, conflicts: [] };
  for (const field of fields) {
    const { name } = field;
    if (!isWritable(field) || same(edited[name], before[name])) continue;
    if (edited[name] === undefined) delete rebased.data[name]; else rebased.data[name] = edited[name];
    if (!same(latest[name], before[name]) && !same(latest[name], edited[name])) rebased.conflicts.push(name);
  }
  return rebased;
}
