import { resolveFieldPath, type Filter, type FilterCondition } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import type { AccessPolicy } from './access-policy.js';

/** Operators that test a personal value for equality only: an exact lookup reveals nothing new. */
const lookupOperators = new Set<FilterCondition['op']>(['eq', 'ne', 'in', 'nin', 'is_null']);

function forbidden(objectName: string, field: string, use: string): never {
  throw new TesseraError('FIELD_FORBIDDEN', { field: `${objectName}.${field.slice(0, 64)}`, use });
}

/**
 * Checks that every field a path touches is readable: each many_to_one hop on its object (whose
 * object must itself be readable) and the final field. Unknown paths are left to the filter's
 * own validation, which names them.
 */
export function requireReadablePath(policy: AccessPolicy, objectName: string, path: string, use: string): { personal: boolean } {
  const resolved = resolveFieldPath(path, objectName, policy.model.definitions);
  if (!resolved) return { personal: false };
  for (const hop of resolved.hops) {
    const from = policy.visible(hop.from);
    if (!from?.readable.has(hop.field.name)) forbidden(hop.from, hop.field.name, use);
  }
  const target = policy.visible(resolved.objectName);
  if (!target?.readable.has(resolved.column)) forbidden(resolved.objectName, resolved.column, use);
  return { personal: target.masked.has(resolved.column) };
}

/**
 * Refuses (403 FIELD_FORBIDDEN, naming the field) a filter that uses a field the role cannot
 * read, or compares a personal field by anything but equality. Never drops the condition: a
 * dropped condition widens the answer (Strapi CVE-2023-22894).
 */
export function requireFilterAccess(policy: AccessPolicy, objectName: string, filter: Filter): void {
  if ('and' in filter) return filter.and.forEach((part) => requireFilterAccess(policy, objectName, part));
  if ('or' in filter) return filter.or.forEach((part) => requireFilterAccess(policy, objectName, part));
  if ('not' in filter) return requireFilterAccess(policy, objectName, filter.not);
  if (typeof filter.field !== 'string') return;
  const { personal } = requireReadablePath(policy, objectName, filter.field, 'filter');
  if (personal && !lookupOperators.has(filter.op)) forbidden(objectName, filter.field, `${filter.op} on a personal field`);
}

/** Refuses sorting by a field the role cannot read, or by a personal one (its order leaks it). */
export function requireSortAccess(policy: AccessPolicy, objectName: string, fields: readonly string[]): void {
  for (const field of fields) {
    const { personal } = requireReadablePath(policy, objectName, field, 'sort');
    if (personal) forbidden(objectName, field, 'sort on a personal field');
  }
}
