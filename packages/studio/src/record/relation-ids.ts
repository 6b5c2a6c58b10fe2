import type { ModelObject } from '../api/workspace-model.js';
import type { HistoryEntry } from './history-entry.js';

/**
 * The ids of related records a record's history names (old and new values of its many-to-one
 * fields), by target object: the history shows them by their titles, read once per object.
 */
export function relationIds(entries: readonly HistoryEntry[], object: ModelObject): Map<string, string[]> {
  const byTarget = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const [name, change] of Object.entries(entry.changes ?? {})) {
      const target = object.fields.find((field) => field.name === name && field.relation?.kind === 'many_to_one')?.relation?.target;
      if (!target || 'changed' in change) continue;
      const ids = byTarget.get(target) ?? new Set<string>();
      for (const value of [change.old, change.new]) if (typeof value === 'string' && value !== '') ids.add(value);
      byTarget.set(target, ids);
    }
  }
  return new Map([...byTarget].filter(([, ids]) => ids.size > 0).map(([target, ids]) => [target, [...ids].sort()]));
}
