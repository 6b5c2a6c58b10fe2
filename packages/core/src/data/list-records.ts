import type { Knex } from 'knex';
import type { ObjectModel } from '../documents/index.js';
import { selectedColumns } from './selected-columns.js';
import { qualified, quoteIdent } from '../schema/index.js';
import { objectOf, type DataContext } from './data-context.js';
import { parseListQuery, type ListQuery } from './list-query.js';
import { applyFilter, compileFilter, type CompiledFilter } from './compile-filter.js';
import { afterCursorSql, decodeCursor, encodeCursor } from './cursor.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';
import { includeRelated } from './include-related.js';

/** One page of records. */
export interface RecordPage {
  data: ApiRecord[];
  page: { limit: number; offset?: number; next_cursor: string | null; total?: number };
}

function baseQuery(context: DataContext, object: ObjectModel, query: ListQuery, filter: CompiledFilter | undefined): Knex.QueryBuilder {
  const builder = context.knex.from(context.knex.raw(`${qualified(context.schema, object.name)} AS t`));
  builder.whereRaw(query.trashed === 'only' ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL');
  return applyFilter(builder, filter);
}

/**
 * The columns a page reads: the selected ones, plus sort columns left out of the selection (the
 * next cursor is made of their values; they are dropped from the records answered).
 */
function readColumns(object: ObjectModel, query: ListQuery): { columns: string[]; sortOnly: string[] } {
  const selected = selectedColumns(object, query.fields);
  const sortOnly = query.sort.map((key) => key.field).filter((field) => !selected.includes(field));
  return { columns: [...selected, ...sortOnly], sortOnly };
}

function pageQuery(context: DataContext, object: ObjectModel, query: ListQuery, filter: CompiledFilter | undefined, columns: string[]): Knex.QueryBuilder {
  const builder = baseQuery(context, object, query, filter);
  const sortColumns = [...query.sort.map((key) => `t.${quoteIdent(key.field)}`), 't.id'];
  const directions = [...query.sort.map((key) => key.direction), 'asc' as const];
  builder.select(columns.map((column) => `t.${column}`));
  if (query.cursor) {
    const after = afterCursorSql(sortColumns, directions, decodeCursor(query.cursor, query.sort));
    builder.whereRaw(after.sql, after.bindings as Knex.RawBinding[]);
  }
  const order = sortColumns.map((column, index) => `${column} ${directions[index]!.toUpperCase()} NULLS LAST`).join(', ');
  builder.orderByRaw(order).limit(query.limit + 1);
  if (query.offset !== undefined) builder.offset(query.offset);
  return builder;
}

function nextCursor(query: ListQuery, rows: Record<string, unknown>[]): string | null {
  if (rows.length <= query.limit) return null;
  const last = rows[query.limit - 1]!;
  const values = query.sort.map((key) => normalise(last[key.field]));
  return encodeCursor(query.sort, [...values, last.id]);
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Lists records of an object: filter, sort, cursor or offset paging, fields, includes, count. */
export async function listRecords(context: DataContext, objectName: string, params: Record<string, unknown>): Promise<RecordPage> {
  const object = objectOf(context, objectName);
  const query = parseListQuery(object, params);
  const filter = query.filter === undefined ? undefined : compileFilter(query.filter, object.name, context.model.definitions, context.schema);
  const { columns, sortOnly } = readColumns(object, query);
  const rows = (await pageQuery(context, object, query, filter, columns)) as Record<string, unknown>[];
  const next = nextCursor(query, rows);
  const data = rows.slice(0, query.limit).map((row) => {
    for (const field of sortOnly) delete row[field];
    return serializeRecord(object, row);
  });
  if (query.include.length > 0) await includeRelated(context, object, data, query.include);
  const page: RecordPage['page'] = { limit: query.limit, next_cursor: next };
  if (query.offset !== undefined) page.offset = query.offset;
  if (query.count) {
    const [counted] = await baseQuery(context, object, query, filter).count({ total: '*' });
    page.total = Number((counted as { total: number | string }).total);
  }
  return { data, page };
}
