import { stringify } from 'csv-stringify/sync';
import { appendAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import type { DataContext } from './data-context.js';
import { listRecords } from './list-records.js';
import { readableColumns } from './readable-record.js';

/** Export file formats. */
export type ExportFormat = 'csv' | 'jsonl';

const pageRows = 1_000;
/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Streams the records of an object matching a filter as CSV (UTF-8 with a BOM, so that Excel on
 * Chinese Windows opens it right) or JSON lines, page by page with flat memory. It is a list with
 * the export action: the same field checks, row rule and hidden fields; personal values in clear
 * only for a role with the reveal action. The export is audited before the first byte leaves.
 */
export async function* exportRecords(context: DataContext, objectName: string, params: Record<string, unknown>, format: ExportFormat): AsyncGenerator<string> {
  if (format !== 'csv' && format !== 'jsonl') throw new TesseraError('INVALID_QUERY', { reason: 'format must be csv or jsonl' });
  const { filter, sort, fields } = params;
  const base: Record<string, unknown> = { limit: String(pageRows), ...(filter !== undefined ? { filter } : {}), ...(sort !== undefined ? { sort } : {}), ...(fields !== undefined ? { fields } : {}) };
  let page = await listRecords(context, objectName, base, { purpose: 'export' });
  const access = context.access.object(objectName, 'export');
  const columns = readableColumns(access, typeof fields === 'string' && fields !== '' ? fields.split(',') : undefined);
  await context.knex.transaction((trx) => appendAudit(trx, context.schema, context.stamp, {
    action: 'record.export', object: objectName,
    details: { format, filter: filter ?? null, fields: columns, revealed: access.actions.has('reveal') ? [...access.masked] : [] },
  }));
  if (format === 'csv') yield `\uFEFF${stringify([columns])}`;
  for (;;) {
    if (format === 'csv') yield stringify(page.data.map((record) => columns.map((column) => cell(record[column]))));
    else yield page.data.map((record) => `${JSON.stringify(record)}\n`).join('');
    if (!page.page.next_cursor) return;
    page = await listRecords(context, objectName, { ...base, cursor: page.page.next_cursor }, { purpose: 'export' });
  }
}
