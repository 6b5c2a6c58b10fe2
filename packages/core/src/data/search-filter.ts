import { requireReadablePath, type ObjectAccess, type AccessPolicy } from '../access/index.js';
import { conditionValueValidator, resolveFieldPath, type Filter } from '../documents/index.js';

/** Field types a search looks into when the request names none. */
const searchedTypes = new Set(['text', 'email', 'phone', 'autonumber', 'url']);

/** How a search text is written as a stored value of a personal field, for an exact lookup. */
export function lookupValue(type: string, text: string): string {
  if (type === 'email') return text.trim().toLowerCase();
  if (type === 'phone') {
    const digits = text.replace(/[\s()-]/g, '');
    return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : digits;
  }
  return text.trim();
}

/**
 * The filter of a search: the text in any of the searched fields (the named ones, or every
 * readable text, email, phone, number and url field). Plain fields match by containment;
 * personal and encrypted ones only by exact value (a phone number or an email finds its customer; part of one
 * reveals nothing). Naming a field the role cannot read is 403 FIELD_FORBIDDEN.
 */
export function searchFilter(policy: AccessPolicy, access: ObjectAccess, text: string, fields: string[] | undefined): Filter {
  const name = access.object.name;
  const candidates = fields ?? access.object.columnFields.filter((field) => searchedTypes.has(field.type) && access.readable.has(field.name)).map((field) => field.name);
  const conditions: Filter[] = [];
  for (const field of candidates) {
    const { personal } = requireReadablePath(policy, name, field, 'search');
    const resolved = resolveFieldPath(field, name, policy.model.definitions);
    if (!resolved) continue;
    if (!personal && resolved.field?.encrypted !== true) {
      if (resolved.kind === 'text') conditions.push({ field, op: 'contains', value: text });
      continue;
    }
    const value = lookupValue(resolved.field?.type ?? '', text);
    if (conditionValueValidator(resolved, 'eq')(value)) conditions.push({ field, op: 'eq', value });
  }
  return { or: conditions };
}
