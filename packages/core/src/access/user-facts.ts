import type { Filter } from '../documents/index.js';

/** What row rules may refer to as `$user.<name>`. */
export interface UserFacts {
  id: string;
  email: string;
  teamIds: readonly string[];
  /** Every user sharing a team with this one, this one included. */
  teamMemberIds: readonly string[];
  regions: readonly string[];
}

const variables: Record<string, (facts: UserFacts) => string | readonly string[]> = {
  '$user.id': (facts) => facts.id,
  '$user.email': (facts) => facts.email,
  '$user.team_ids': (facts) => facts.teamIds,
  '$user.team_member_ids': (facts) => facts.teamMemberIds,
  '$user.regions': (facts) => facts.regions,
};

/** The variable names a row rule may use. */
export const userVariableNames = Object.keys(variables);

/** True for a value that names a variable (the exact text `$user.<name>`). */
export function isUserVariable(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('$user.');
}

const never: Filter = { or: [] };
const always: Filter = { and: [] };

/**
 * Replaces `$user.*` values by the user's facts, giving a plain filter. A list variable that is
 * empty matches nothing under `in`/`eq` (and everything under `nin`/`ne`), rather than failing:
 * a user in no team simply sees no team records. Unknown variables were refused when the role
 * was saved; one reaching here matches nothing.
 */
export function resolveUserVariables(filter: Filter, facts: UserFacts): Filter {
  if ('and' in filter) return { and: filter.and.map((part) => resolveUserVariables(part, facts)) };
  if ('or' in filter) return { or: filter.or.map((part) => resolveUserVariables(part, facts)) };
  if ('not' in filter) return { not: resolveUserVariables(filter.not, facts) };
  if (!isUserVariable(filter.value)) return filter;
  const read = variables[filter.value];
  if (!read) return never;
  const value = read(facts);
  if (!Array.isArray(value)) return { ...filter, value };
  const list = value as readonly string[];
  const negative = filter.op === 'nin' || filter.op === 'ne';
  if (list.length === 0) return negative ? always : never;
  if (filter.op === 'eq') return { field: filter.field, op: 'in', value: [...list] };
  if (filter.op === 'ne') return { field: filter.field, op: 'nin', value: [...list] };
  return { ...filter, value: [...list] };
}
