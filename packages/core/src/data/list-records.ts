import type { ObjectAccess } from '../access/index.js';
import { requireFilterAccess, requireReadablePath, requireSortAccess } from '../access/index.js';
import type { Filter } from '../documents/index.js';
import { qualified, quoteIdent } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { parseListQuery, type ListQuery } from './list-query.js';
import { compileFilter, type CompiledFilter, type SqlPart } from './compile-filter.js';
import { compileFilterText } from './filter-cache.js';
import { readRows } from './read-rows.js';
import { afterCursorSql, decodeCursor, encodeCursor } from './cursor.js';
import { serializeRecord, serializeRowInPlace, type ApiRecord } from './serialize-record.js';
import { includeRelated, requireIncludable } from './include-related.js';
import { maskRecord, readableColumns } from './readable-record.js';
import { filterOptions, rowScope } from './row-scope.js';
import { decryptRows } from './decrypt-record.js';
import { searchFilter } from './search-filter.js';

/** One page of records. */
export interface RecordPage {
  data: ApiRecord[];
  page: { limit: number; offset?: number; next_cursor: string | null; total?: number };
}

/**
 * FROM, joins and WHERE shared by a page and its count: live (or trashed) rows matching the
 * filter and the caller's row rule.
 */
function fromWhere(context: DataContext, access: ObjectAccess, query: ListQuery, filter: CompiledFilter | undefined): SqlPart {
  const joins = filter?.joins ?? [];
  const bindings: unknown[] = joins.flatMap((join) => join.bindings);
  let where = query.trashed === 'only' ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL';
  if (filter) {
    where += ` AND ${filter.sql}`;
    bindings.push(...filter.bindings);
  }
  const scope = rowScope(context, access, 't');
  if (scope) {
    where += ` AND ${scope.sql}`;
    bindings.push(...scope.bindings);
  }
  const from = joins.map((join) => ` LEFT JOIN ${join.table} AS ${join.alias} ON ${join.on}`).join('');
  return { sql: `FROM ${qualified(context.schema, access.object.name)} AS t${from} WHERE ${where}`, bindings };
}

/**
 * The columns a page reads: the selected readable ones, plus sort columns left out of the
 * selection (the next cursor is made of their values; they are dropped from the records answered).
 */
function readColumns(access: ObjectAccess, query: ListQuery): { columns: string[]; sortOnly: string[] } {
  const selected = readableColumns(access, query.fields);
  const sortOnly = query.sort.map((key) => key.field).filter((field) => !selected.includes(field));
  return { columns: [...selected, ...sortOnly], sortOnly };
}

const selectLists = new WeakMap<string[], string>();

/** The SELECT list; the common one (every readable column) is built once per access. */
function selectList(columns: string[], shared: boolean): string {
  const build = () => columns.map((column) => `t.${quoteIdent(column)}`).join(', ');
  if (!shared) return build();
  let list = selectLists.get(columns);
  if (!list) selectLists.set(columns, list = build());
  return list;
}

/**
 * One page, in one statement built here rather than by knex's query builder: this is the hottest
 * read of the API, and every identifier comes from the blueprint, every value is bound.
 */
function pageQuery(context: DataContext, access: ObjectAccess, query: ListQuery, filter: CompiledFilter | undefined, columns: string[], shared: boolean): SqlPart {
  const base = fromWhere(context, access, query, filter);
  const bindings = base.bindings;
  const sortColumns = [...query.sort.map((key) => `t.${quoteIdent(key.field)}`), 't.id'];
  const directions = [...query.sort.map((key) => key.direction), 'asc' as const];
  let sql = `SELECT ${selectList(columns, shared)} ${base.sql}`;
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

/**
 * Checks every name the request uses against the caller's access (403 FIELD_FORBIDDEN naming
 * the field, never a silently dropped condition), then compiles its filter with joined objects
 * held to the caller's row rules on them.
 */
function checkedFilter(context: DataContext, access: ObjectAccess, query: ListQuery, params: Record<string, unknown>): CompiledFilter | undefined {
  const name = access.object.name;
  for (const field of query.fields ?? []) requireReadablePath(context.access, name, field, 'fields');
  if (params.sort !== undefined && params.sort !== '') requireSortAccess(context.access, name, query.sort.map((key) => key.field));
  for (const field of query.include) requireIncludable(context, access, field);
  if (query.search !== undefined) {
    const search = searchFilter(context.access, access, query.search, query.searchFields);
    const combined = query.filter === undefined ? search : { and: [query.filter as Filter, search] };
    const compiled = compileFilter(combined, name, context.model.definitions, context.schema, filterOptions(context));
    if (query.filter !== undefined) requireFilterAccess(context.access, name, query.filter as Filter);
    return compiled;
  }
  if (query.filter === undefined) return undefined;
  // The filter's shape is validated by compileFilter; only a well-formed one can be walked here.
  const compile = () => compileFilter(query.filter, name, context.model.definitions, context.schema, filterOptions(context));
  const compiled = typeof params.filter === 'string'
    ? compileFilterText(params.filter, name, context.model.definitions, context.schema, query.filter, context.access.cacheKey, filterOptions(context))
    : compile();
  requireFilterAccess(context.access, name, query.filter as Filter);
  return compiled;
}

/** How a list is read: for the API (masked), or for an export (needs the export action; plain values with the reveal action). */
export interface ListOptions {
  purpose?: 'read' | 'export';
}

/** Lists records of an object: filter, sort, cursor or offset paging, fields, includes, count. */
export async function listRecords(context: DataContext, objectName: string, params: Record<string, unknown>, options: ListOptions = {}): Promise<RecordPage> {
  const access = context.access.object(objectName, 'read');
  if (options.purpose === 'export') context.access.object(objectName, 'export');
  const mask = options.purpose === 'export' && access.actions.has('reveal') ? (_: unknown, record: ApiRecord) => record : maskRecord;
  const object = access.object;
  const query = parseListQuery(object, params);
  const filter = checkedFilter(context, access, query, params);
  const { columns, sortOnly } = readColumns(access, query);
  const page = pageQuery(context, access, query, filter, columns, query.fields === undefined && sortOnly.length === 0);
  const rows = decryptRows(context.keys, object, await readRows(context.knex, context.model, page.sql, page.bindings));
  const next = nextCursor(query, rows);
  const data = rows.slice(0, query.limit).map((row) => {
    if (sortOnly.length === 0) return mask(access, serializeRowInPlace(object, row));
    for (const field of sortOnly) delete row[field];
    return mask(access, serializeRecord(object, row));
  });
  if (query.include.length > 0) await includeRelated(context, access, data, query.include);
  const info: RecordPage['page'] = { limit: query.limit, next_cursor: next };
  if (query.offset !== undefined) info.offset = query.offset;
  if (query.count) {
    const base = fromWhere(context, access, query, filter);
    const counted = await readRows(context.knex, context.model, `SELECT count(*) AS total ${base.sql}`, base.bindings);
    info.total = Number(counted[0]!.total);
  }
  return { data, page: info };
}
