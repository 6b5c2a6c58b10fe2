import type { ModelObject } from '../api/workspace-model.js';
import type { DuplicatePair } from './duplicate-types.js';

/** How alike a compared field is on both sides: alike (from 0.9), different (below), or not comparable (a side is empty). */
export type Likeness = 'alike' | 'different' | 'empty';

/** From this similarity a field counts as alike (the default threshold of a fuzzy match). */
export const alikeFrom = 0.9;

/** One line of a side-by-side comparison. */
export interface PairLine {
  field: string;
  left: unknown;
  right: unknown;
  /** Compared fields only. */
  similarity?: number | null;
  same: boolean;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Whether two values are the same (lists and objects by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How alike a compared field is, or undefined for a field that was not compared. */
export function likenessOf(similarity: number | null | undefined): Likeness | undefined {
  if (similarity === undefined) return undefined;
  if (similarity === null) return 'empty';
  return similarity >= alikeFrom ? 'alike' : 'different';
}

/** The left side of a pair: the incoming row of an import, or the first record of a dedupe pair. */
export function leftOf(pair: DuplicatePair): Record<string, unknown> {
  return (pair.source === 'import' ? pair.incoming : pair.record) ?? {};
}

/**
 * The lines comparing two versions of a record, in the blueprint's order: every field of the
 * object the caller sees that holds a value on either side, and every compared field (a key of
 * `similarity`, its value null when a side is empty) even when both are empty.
 */
export function compareLines(object: ModelObject, left: Record<string, unknown>, right: Record<string, unknown>, similarity: Record<string, number | null | undefined> = {}): PairLine[] {
  return object.fields
    .filter((field) => field.name in similarity || !isEmpty(left[field.name]) || !isEmpty(right[field.name]))
    .map((field) => ({
      field: field.name,
      left: left[field.name],
      right: right[field.name],
      ...(field.name in similarity ? { similarity: similarity[field.name] ?? null } : {}),
      same: sameValue(left[field.name], right[field.name]),
    }));
}

/** The lines of a pair: its left side against its candidate, with the similarities of the compared fields. */
export function pairLines(object: ModelObject, pair: DuplicatePair): PairLine[] {
  return compareLines(object, leftOf(pair), pair.candidate ?? {}, pair.similarity);
}

/** Which side's value a person chose to keep for a field. */
export type Side = 'left' | 'right';

/** The values a merge keeps where a person chose a side: the chosen side's value of each field picked. */
export function chosenValues(lines: PairLine[], picks: Record<string, Side>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of lines) {
    const side = picks[line.field];
    if (side) values[line.field] = (side === 'left' ? line.left : line.right) ?? null;
  }
  return values;
}

/** A record's id, when the side is a stored record. */
export function recordId(record: Record<string, unknown> | null | undefined): string | undefined {
  return typeof record?.id === 'string' ? record.id : undefined;
}
