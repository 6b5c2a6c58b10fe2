import type { ObjectModel } from '../documents/index.js';
import { selectedColumns } from './selected-columns.js';
import { qualified, quoteIdent } from '../schema/index.js';
import { objectOf, type DataContext } from './data-context.js';
import { parseListQuery, type ListQuery } from './list-query.js';
import { compileFilter, type CompiledFilter } from './compile-filter.js';
import { compileFilterText } from './filter-cache.js';
import { readRows } from './read-rows.js';
import { afterCursorSql, decodeCursor, encodeCursor } from './cursor.js';
import { serializeRecord, serializeRowInPlace, type ApiRecord } from './serialize-record.js';
import { includeRelated } from './include-related.js';

/** One page of records. */
export interface RecordPage {
  data: ApiRecord[];
  page: { limit: number; offset?: number; next_cursor: string | null; total?: number };
}

/** FROM, joins and WHERE shared by a page and its count: live (or trashed) rows matching the filter. */
function fromWhere(context: DataContext, object: ObjectModel, query: ListQuery, filter: CompiledFilter | undefined): { sql: string; bindings: unknown[] } {
  const joins = (filter?.joins ?? []).map((join) => ` LEFT JOIN ${join.table} AS ${join.alias} ON ${join.on}`).join('');
  const live = query.trashed === 'only' ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL';
  const where = filter ? `${live} AND ${filter.sql}` : live;
  return { sql: `FROM ${qualified(context.schema, object.name)} AS t${joins} WHERE ${where}`, bindings: filter ? [...filter.bindings] : [] };
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

const everyColumnList = new WeakMap<ObjectModel, string>();

/** The SELECT list; the common one (every column, no field selection) is built once per blueprint version. */
function selectList(object: ObjectModel, query: ListQuery, columns: string[]): string {
  const build = () => columns.map((column) => `t.${quoteIdent(column)}`).join(', ');
  if (query.fields !== undefined || columns.length !== selectedColumns(object).length) return build();
  let list = everyColumnList.get(object);
  if (!list) everyColumnList.set(object, list = build());
  return list;
}

/**
 * One page, in one statement built here rather than by knex's query builder: this is the hottest
 * read of the API, and every identifier comes from the blueprint, every value is bound.
 */
function pageQuery(context: DataContext, object: ObjectModel, query: ListQuery, filter: CompiledFilter | undefined, columns: string[]): { sql: string; bindings: unknown[] } {
  const base = fromWhere(context, object, query, filter);
  const bindings = base.bindings;
  const sortColumns = [...query.sort.map((key) => `t.${quoteIdent(key.field)}`), 't.id'];
  const directions = [...query.sort.map((key) => key.direction), 'asc' as const];
  let sql = `SELECT ${selectList(object, query, columns)} ${base.sql}`;
  if (query.cursor) {
    const after = afterCursorSql(sortColumns, directions, decodeCursor(query.cursor, query.sort));
    sql += ` AND ${after.sql}`;
    bindings.push(...after.bindings);
  }
  sql += ` ORDER BY ${sortColumns.map((column, index) => `${column} ${directions[index]!.toUpperCase()} NULLS LAST`).join(', ')} LIMIT ?`;
  bindings.push(query.limit + 1);
  if (query.offset !== undefined) {
    sql += ' OFFSET ?';
    bindings.push(query.offset);
  }
  return { sql, bindings };
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
  const filter = query.filter === undefined ? undefined
    : typeof params.filter === 'string' ? compileFilterText(params.filter, object.name, context.model.definitions, context.schema, query.filter)
      : compileFilter(query.filter, object.name, context.model.definitions, context.schema);
  const { columns, sortOnly } = readColumns(object, query);
  const page = pageQuery(context, object, query, filter, columns);
  const rows = await readRows(context.knex, context.model, page.sql, page.bindings);
  const next = nextCursor(query, rows);
  const data = rows.slice(0, query.limit).map((row) => {
    if (sortOnly.length === 0) return serializeRowInPlace(object, row);
    for (const field of sortOnly) delete row[field];
    return serializeRecord(object, row);
  });
  if (query.include.length > 0) await includeRelated(context, object, data, query.include);
  const info: RecordPage['page'] = { limit: query.limit, next_cursor: next };
  if (query.offset !== undefined) info.offset = query.offset;
  if (query.count) {
    const base = fromWhere(context, object, query, filter);
    const counted = await readRows(context.knex, context.model, `SELECT count(*) AS total ${base.sql}`, base.bindings);
    info.total = Number(counted[0]!.total);
  }
  return { data, page: info };
}
