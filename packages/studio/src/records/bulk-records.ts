import type { PointerError } from '../api/api-error.js';
import type { ModelField } from '../api/workspace-model.js';
import type { RecordRow } from './use-records.js';

/** One record of a bulk update: its id, the version it was read at, and the fields to write. */
export type BulkRecord = Record<string, unknown> & { id: string; version: unknown };

/** The records of a bulk edit: every selected row gets the same value, checked against the version shown. */
export function editedRecords(rows: RecordRow[], field: string, value: unknown): BulkRecord[] {
  return rows.map((row) => ({ id: String(row.id), version: row.version, [field]: value }));
}

/** The ids a to-many value holds, whether the list answered ids or embedded records. */
function linkedIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : String(item)));
}

/**
 * The records of a bulk tag: each row with the tag added to its multi_select options or to its
 * many-to-many links (which a write replaces, so the current ones are kept). Rows that have the
 * tag already are left out.
 */
export function taggedRecords(rows: RecordRow[], field: ModelField, tag: string): BulkRecord[] {
  const current = field.type === 'multi_select' ? (row: RecordRow) => (Array.isArray(row[field.name]) ? (row[field.name] as unknown[]).map(String) : []) : (row: RecordRow) => linkedIds(row[field.name]);
  return rows.flatMap((row) => {
    const values = current(row);
    return values.includes(tag) ? [] : [{ id: String(row.id), version: row.version, [field.name]: [...values, tag] }];
  });
}

/** The errors of one record of a bulk request. */
export interface RowErrors { index: number; id: string; errors: PointerError[] }

/** Errors located at `/records/<index>/…` grouped by record, in order; the rest are the request's own. */
export function rowErrors(errors: PointerError[], ids: string[]): { rows: RowErrors[]; general: PointerError[] } {
  const byIndex = new Map<number, PointerError[]>();
  const general: PointerError[] = [];
  for (const error of errors) {
    const match = /^\/records\/(\d+)(?:\/|$)/.exec(error.pointer);
    const index = match ? Number(match[1]) : -1;
    if (index < 0 || index >= ids.length) general.push(error);
    else byIndex.set(index, [...(byIndex.get(index) ?? []), error]);
  }
  const rows = [...byIndex].sort(([a], [b]) => a - b).map(([index, found]) => ({ index, id: ids[index]!, errors: found }));
  return { rows, general };
}
