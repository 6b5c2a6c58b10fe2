import type { Filter, FilterCondition } from '../api/documents.js';

const segment = (value: string) => encodeURIComponent(value);

/** Where the studio shows one record (`new` creates one). */
export function recordPath(slug: string, object: string, id: string): string {
  return `/w/${segment(slug)}/records/${segment(object)}/${segment(id)}`;
}

/** Where the studio lists an object's records, narrowed by a filter (the list page reads `?filter=<JSON>`). */
export function listPath(slug: string, object: string, filter?: Filter): string {
  const base = `/w/${segment(slug)}/records/${segment(object)}`;
  return filter ? `${base}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}` : base;
}

/** The records whose many-to-one field `field` points at the record `id`. */
export function relationFilter(field: string, id: string): FilterCondition {
  return { field, op: 'eq', value: id };
}
