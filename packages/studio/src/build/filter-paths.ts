import type { Filter, FilterCondition, ObjectDefinition } from '../api/documents.js';

/** A field of an object, by API names. */
export interface FieldRef {
  object: string;
  field: string;
}

/**
 * Maps every condition of a filter; a condition mapped to undefined is dropped, and groups left
 * empty go with it (undefined when nothing is left).
 */
export function mapConditions(filter: Filter, map: (condition: FilterCondition) => FilterCondition | undefined): Filter | undefined {
  if ('and' in filter || 'or' in filter) {
    const parts = ('and' in filter ? filter.and : filter.or).map((part) => mapConditions(part, map)).filter((part): part is Filter => part !== undefined);
    if (parts.length === 0) return undefined;
    return 'and' in filter ? { and: parts } : { or: parts };
  }
  if ('not' in filter) {
    const inner = mapConditions(filter.not, map);
    return inner ? { not: inner } : undefined;
  }
  return map(filter);
}

/**
 * The object and field each segment of a path names, from `object` across relations
 * (`customer.city` names orders.customer, then customers.city); stops where a segment is unknown.
 */
export function pathRefs(path: string, object: string, objects: readonly ObjectDefinition[]): FieldRef[] {
  const refs: FieldRef[] = [];
  let current: string | undefined = object;
  for (const segment of path.split('.')) {
    if (current === undefined) break;
    refs.push({ object: current, field: segment });
    const owner: ObjectDefinition | undefined = objects.find((candidate) => candidate.name === current);
    current = owner?.fields.find((field) => field.name === segment)?.relation?.target;
  }
  return refs;
}
