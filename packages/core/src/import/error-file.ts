import { stringify } from 'csv-stringify/sync';
import type { DataContext } from '../data/index.js';
import type { ImportStore } from './import-store.js';
import { readRejects } from './rejected-rows.js';

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
    const rejects = await readRejects(context, store, importId, after, pageSize);
    if (rejects.length === 0) return;
    yield stringify(rejects.map(({ row: number, cells, errors }) => {
      const padded = row.file.headers.map((_, column) => cells[column] ?? '');
      const reasons = errors.map((error) => `${label(error.pointer)}: ${error.message[lang]}`).join('; ');
      return [...padded, reasons, String(number)];
    }));
    after = rejects.at(-1)!.row;
  }
}
