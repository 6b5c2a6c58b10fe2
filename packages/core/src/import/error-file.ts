import { stringify } from 'csv-stringify/sync';
import type { DataContext } from '../data/index.js';
import type { FieldError } from '../errors/index.js';
import type { ImportStore } from './import-store.js';

/** Rejected rows read per statement. */
const pageSize = 1_000;

const trailing = { 'zh-CN': ['错误原因', '原行号'], en: ['Errors', 'Original row'] } as const;

/**
 * The rejected rows of an import as CSV (UTF-8 with a BOM, so that Excel opens it right): the
 * file's own columns and cells, then the reasons, per field by its label, in the language asked
 * (the importer's by default), and the row's number in the original file. Fixed and imported
 * again with the same mapping, it completes the import (the extra columns are not mapped).
 */
export async function* importErrorFile(context: DataContext, store: ImportStore, importId: string, language?: 'zh-CN' | 'en'): AsyncGenerator<string> {
  const row = await store.get(context.knex, importId);
  context.access.object(row.object, 'import');
  const lang = language ?? row.language;
  const object = context.model.objects.get(row.object);
  const label = (pointer: string) => {
    const name = pointer.split('/')[1] ?? '';
    return object?.fields.get(name)?.label[lang] ?? name;
  };
  yield `\ufeff${stringify([[...row.file.headers, ...trailing[lang]]])}`;
  for (let after = 0; ;) {
    const { rows } = await context.knex.raw(`SELECT row_number, sealed FROM ${store.rejects} WHERE import_id = ? AND row_number > ? ORDER BY row_number LIMIT ?`, [importId, after, pageSize]) as { rows: { row_number: number; sealed: string }[] };
    if (rows.length === 0) return;
    const lines = rows.map((reject) => {
      const { cells, errors } = store.open<{ cells: string[]; errors: FieldError[] }>(importId, reject.sealed);
      const padded = row.file.headers.map((_, column) => cells[column] ?? '');
      const reasons = errors.map((error) => `${label(error.pointer)}: ${error.message[lang]}`).join('; ');
      return [...padded, reasons, String(reject.row_number)];
    });
    yield stringify(lines);
    after = rows.at(-1)!.row_number;
  }
}
