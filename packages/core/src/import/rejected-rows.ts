import type { DataContext } from '../data/index.js';
import type { FieldError } from '../errors/index.js';
import type { ImportStore } from './import-store.js';

/** A rejected row as stored: its number in the file, its cells, and why. */
export interface RejectedRow {
  row: number;
  cells: string[];
  errors: FieldError[];
}

/** Rejected rows of an import after row `after`, in file order, at most `limit`, unsealed. */
export async function readRejects(context: DataContext, store: ImportStore, importId: string, after: number, limit: number): Promise<RejectedRow[]> {
  const { rows } = await context.knex.raw(`SELECT row_number, sealed FROM ${store.rejects} WHERE import_id = ? AND row_number > ? ORDER BY row_number LIMIT ?`, [importId, after, limit]) as { rows: { row_number: number; sealed: string }[] };
  return rows.map((reject) => ({ row: reject.row_number, ...store.open<{ cells: string[]; errors: FieldError[] }>(importId, reject.sealed) }));
}
