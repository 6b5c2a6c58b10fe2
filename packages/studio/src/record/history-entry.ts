import type { TFunction } from 'i18next';
import { actionKey, type FieldChange } from '../audit/audit-entry.js';
import type { ModelObject } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';
import { displayValue } from '../records/display-value.js';

/** One audit entry of a record as GET …/data/:object/:id/history answers it. */
export interface HistoryEntry {
  id: string | number;
  at: string;
  action: string;
  actor?: { id?: string | null; label?: string | null } | null;
  changes?: Record<string, FieldChange> | null;
}

/**
 * One changed field, ready to show: its label and both values as text (only the new one when the
 * entry created the record), or only that it changed (personal).
 */
export type HistoryChange =
  | { field: string; label: string; personal: true }
  | { field: string; label: string; personal: false; old?: string; new: string };

/** An audit entry as the history timeline shows it. */
export interface HistoryLine {
  key: string;
  at: string;
  actor: string;
  action: string;
  changes: HistoryChange[];
}

/** Titles of related records by id (a many-to-one value shows its record's title). */
export type RelationTitles = Readonly<Record<string, string>>;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function valueText(object: ModelObject | undefined, field: string, value: unknown, titles: RelationTitles, format: Formatters, t: TFunction): string {
  if (isEmpty(value)) return t('record.history.empty');
  const definition = object?.fields.find((candidate) => candidate.name === field);
  if (definition?.type === 'relation' && typeof value === 'string') return titles[value] ?? value;
  if (definition) return displayValue(definition, value, format, t);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Formats an audit entry for the timeline: who (the system when no one), when in the user's
 * language, the action's name, and each change under the field's label in the object's field
 * order (fields no longer in the model last, by name) with old → new through displayValue, a
 * related record by its title when `titles` knows it. A creation shows only the values it set.
 * Personal fields are logged without values; they read "changed".
 */
export function historyLine(entry: HistoryEntry, object: ModelObject | undefined, titles: RelationTitles, format: Formatters, t: TFunction): HistoryLine {
  const order = (field: string) => {
    const index = object?.fields.findIndex((candidate) => candidate.name === field) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const created = entry.action === 'record.create';
  const changes = Object.entries(entry.changes ?? {})
    .filter(([, change]) => !created || 'changed' in change || !isEmpty(change.new))
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([field, change]): HistoryChange => {
      const definition = object?.fields.find((candidate) => candidate.name === field);
      const label = definition ? format.label(definition.label, field) : field;
      if ('changed' in change) return { field, label, personal: true };
      const shown = valueText(object, field, change.new, titles, format, t);
      if (created) return { field, label, personal: false, new: shown };
      return { field, label, personal: false, old: valueText(object, field, change.old, titles, format, t), new: shown };
    });
  return {
    key: String(entry.id),
    at: format.dateTime(entry.at),
    actor: entry.actor?.label ?? entry.actor?.id ?? t('audit.system'),
    action: t(actionKey(entry.action), { defaultValue: entry.action }),
    changes,
  };
}
