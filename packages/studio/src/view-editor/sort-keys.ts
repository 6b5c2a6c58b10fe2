import type { ObjectDefinition, View } from '../api/documents.js';
import { sortFields } from './view-fields.js';

/** A view's sort keys, in order. */
export type SortKeys = NonNullable<View['sort']>;

/** The most sort keys a view keeps (view.schema.json). */
export const maxSortKeys = 8;

/** The keys with one more: the first sortable field not used yet, ascending; unchanged when full or none is left. */
export function addSortKey(sort: SortKeys, object: ObjectDefinition): SortKeys {
  if (sort.length >= maxSortKeys) return sort;
  const used = new Set(sort.map((key) => key.field));
  const next = sortFields(object).find(({ name }) => !used.has(name));
  return next ? [...sort, { field: next.name, direction: 'asc' }] : sort;
}

/** The keys with one changed (field or direction). */
export function setSortKey(sort: SortKeys, index: number, change: Partial<SortKeys[number]>): SortKeys {
  return sort.map((key, at) => (at === index ? { ...key, ...change } : key));
}

/** The keys without one. */
export function removeSortKey(sort: SortKeys, index: number): SortKeys {
  return sort.filter((_, at) => at !== index);
}
