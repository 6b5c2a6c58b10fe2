import type { ObjectModel } from '../documents/index.js';
import type { KeyRing } from '../personal/index.js';
import { encryptedColumns, sealValue } from '../schema/index.js';

/** Rows as a write statement stores them. */
export interface SealedRows {
  columns: string[];
  rows: Record<string, unknown>[];
}

/**
 * What a write stores for rows that all set `columns`: each encrypted field's value replaced by its
 * envelope, and its blind-index column (`_bx_…`, null for a null value) added, computed in Node
 * before the one statement of the batch. Objects without encrypted fields pass through as they
 * are; otherwise the rows are copied, never changed in place (callers still read ids from them).
 */
export function sealRows(keys: KeyRing, object: ObjectModel, columns: string[], rows: Record<string, unknown>[]): SealedRows {
  const sealed = encryptedColumns(object.definition).filter((column) => columns.includes(column.field.name));
  if (sealed.length === 0) return { columns, rows };
  return {
    columns: [...columns, ...sealed.map((column) => column.indexColumn)],
    rows: rows.map((row) => {
      const stored = { ...row };
      for (const column of sealed) {
        const value = row[column.field.name];
        if (value === null || value === undefined) {
          stored[column.field.name] = null;
          stored[column.indexColumn] = null;
          continue;
        }
        const { envelope, index } = sealValue(keys, column, value as string);
        stored[column.field.name] = envelope;
        stored[column.indexColumn] = index;
      }
      return stored;
    }),
  };
}
