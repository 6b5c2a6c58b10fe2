import type { Field } from '../documents/index.js';

/** Survivorship rule of one field when a row merges into a record (see the mapping schema). */
export type MergeRule = 'incoming' | 'existing' | 'fill_empty' | 'longest' | 'union' | 'newest' | 'source_priority';

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function union(field: Field, existing: unknown, incoming: unknown): unknown {
  if (Array.isArray(existing) || Array.isArray(incoming)) return [...new Set([...(existing as unknown[] | null ?? []), ...(incoming as unknown[])])];
  if (typeof existing !== 'string' || typeof incoming !== 'string' || existing.includes(incoming)) return existing;
  return `${existing}${field.type === 'long_text' ? '\n' : '; '}${incoming}`;
}

/**
 * The value a field keeps when `incoming` (from the file) meets `existing` (stored, or from an
 * earlier row of the file): the file's, the stored one, the stored one unless empty (most
 * complete), the longer text, or both (multi-value fields; texts joined). For newest and
 * source_priority the caller has compared the two records (`incomingPreferred`: the incoming one
 * is newer, or from a more trusted source). An empty stored value is always filled.
 */
export function mergeValue(field: Field, rule: MergeRule, existing: unknown, incoming: unknown, incomingPreferred = false): unknown {
  if (isEmpty(existing)) return incoming;
  switch (rule) {
    case 'incoming': return incoming;
    case 'existing': case 'fill_empty': return existing;
    case 'longest': return String(incoming).length > String(existing).length ? incoming : existing;
    case 'union': return union(field, existing, incoming);
    case 'newest': case 'source_priority': return incomingPreferred ? incoming : existing;
  }
}
