import { appendAudit } from '../audit/index.js';
import type { DataContext } from './data-context.js';
import { listRecords } from './list-records.js';
import { readableColumns } from './readable-record.js';
import type { ApiRecord } from './serialize-record.js';

/** One page of an export, with the columns every page has. */
export interface ExportPage {
  columns: string[];
  records: ApiRecord[];
}

const pageRows = 1_000;

/**
 * The records of an object matching a filter, page by page with flat memory, for a file in
 * `format`. It is a list with the export action: the same field checks, row rule and hidden
 * fields; personal values in clear only for a role with the reveal action. The first page is read
 * (so that a refused export fails before anything is sent) and the export audited before it is given.
 */
export async function* exportPages(context: DataContext, objectName: string, params: Record<string, unknown>, format: string): AsyncGenerator<ExportPage> {
  const { filter, sort, fields } = params;
  const base: Record<string, unknown> = { limit: String(pageRows), ...(filter !== undefined ? { filter } : {}), ...(sort !== undefined ? { sort } : {}), ...(fields !== undefined ? { fields } : {}) };
  let page = await listRecords(context, objectName, base, { purpose: 'export' });
  const access = context.access.object(objectName, 'export');
  const columns = readableColumns(access, typeof fields === 'string' && fields !== '' ? fields.split(',') : undefined);
  await context.knex.transaction((trx) => appendAudit(trx, context.schema, context.stamp, {
    action: 'record.export', object: objectName,
    details: { format, filter: filter ?? null, fields: columns, revealed: access.actions.has('reveal') ? [...access.masked] : [] },
  }));
  for (;;) {
    yield { columns, records: page.data };
    if (!page.page.next_cursor) return;
    page = await listRecords(context, objectName, { ...base, cursor: page.page.next_cursor }, { purpose: 'export' });
  }
}
