import type { ObjectAccess } from '../access/index.js';
import type { LocalizedText } from '../documents/index.js';
import { decryptRows, maskRecord, rowScope, serializeRecord, type DataContext } from '../data/index.js';
import { qualified, quoteIdent } from '../schema/index.js';
import { parseSearchQuery, type SearchQuery } from './search-query.js';
import { searchBranches, titleFieldOf, type SearchBranch } from './search-branches.js';

/** One record found: its title, the field that matched, and a few display values (masked per role). */
export interface SearchHit {
  id: string;
  title: unknown;
  matched: string;
  values: Record<string, unknown>;
}

/** The records found in one object. */
export interface SearchGroup {
  object: string;
  label: LocalizedText;
  records: SearchHit[];
}

/** How many fields besides the title a hit shows. */
const displayCount = 3;
const undisplayedTypes = new Set(['long_text', 'json', 'relation']);

type Row = Record<string, unknown> & { _matched: string; _rank: number };

/** The fields shown with a hit: the first few readable ones besides the title. */
function displayFields(access: ObjectAccess, title: string | undefined): string[] {
  return access.object.columnFields
    .filter((field) => field.name !== title && access.readable.has(field.name) && !undisplayedTypes.has(field.type))
    .slice(0, displayCount).map((field) => field.name);
}

/**
 * One statement per object: a UNION ALL of one bounded SELECT per branch (each with the live-row
 * and row-rule conditions, so each can use the index of its field where there is one).
 */
async function readBranches(context: DataContext, access: ObjectAccess, branches: SearchBranch[], columns: string[], limit: number): Promise<Row[]> {
  const select = columns.map((column) => `t.${quoteIdent(column)}`).join(', ');
  const table = qualified(context.schema, access.object.name);
  const scope = rowScope(context, access, 't');
  const parts = branches.map((branch) => ({
    sql: `(SELECT ${select}, ?::text AS _matched, ${branch.rank} AS _rank FROM ${table} AS t
      WHERE t.deleted_at IS NULL AND ${branch.sql}${scope ? ` AND ${scope.sql}` : ''} LIMIT ?)`,
    bindings: [branch.field, ...branch.bindings, ...(scope?.bindings ?? []), limit],
  }));
  const { rows } = await context.knex.raw(parts.map((part) => part.sql).join(' UNION ALL '), parts.flatMap((part) => part.bindings) as never[]);
  return rows as Row[];
}

/** Each record once, by its best match: exact values, then prefixes, then parts; a title equal to the text first; then by title. */
function bestFirst(rows: Row[], title: string | undefined, text: string, limit: number): Row[] {
  const best = new Map<string, Row>();
  for (const row of rows) {
    const seen = best.get(String(row.id));
    if (!seen || row._rank < seen._rank) best.set(String(row.id), row);
  }
  const lower = text.toLowerCase();
  const titleOf = (row: Row) => (title === undefined ? '' : String(row[title] ?? ''));
  const key = (row: Row) => [row._rank, titleOf(row).toLowerCase() === lower ? 0 : 1] as const;
  return [...best.values()].sort((a, b) => {
    const [rankA, exactA] = key(a);
    const [rankB, exactB] = key(b);
    return rankA - rankB || exactA - exactB || titleOf(a).localeCompare(titleOf(b), 'zh-CN');
  }).slice(0, limit);
}

/** The hits of one object, masked for the caller. */
async function objectHits(context: DataContext, access: ObjectAccess, branches: SearchBranch[], query: SearchQuery): Promise<SearchHit[]> {
  const titleField = titleFieldOf(access);
  const title = titleField && access.readable.has(titleField.name) ? titleField.name : undefined;
  const display = displayFields(access, title);
  const columns = [...new Set(['id', ...(title ? [title] : []), ...display, ...branches.map((branch) => branch.field)])];
  const found = decryptRows(context.keys, access.object, await readBranches(context, access, branches, columns, query.limit));
  const rows = bestFirst(found, title, query.text, query.limit);
  return rows.map((row) => {
    const record = maskRecord(access, serializeRecord(access.object, row));
    const shown = [...new Set([...display, ...(row._matched === title ? [] : [row._matched])])];
    return { id: String(record.id), title: title ? record[title] ?? null : null, matched: row._matched, values: Object.fromEntries(shown.map((field) => [field, record[field] ?? null])) };
  });
}

/**
 * Searches every object the caller may read for a text (`q`, 1 to 100 characters) on its title,
 * phone numbers, emails, autonumbers and unique texts (see searchBranches), at most `limit`
 * records per object, under the caller's row rules, with hidden fields neither searched nor
 * shown and personal values masked. Objects without hits are left out.
 */
export async function globalSearch(context: DataContext, params: Record<string, unknown>): Promise<SearchGroup[]> {
  const query = parseSearchQuery(params);
  const objects = context.access.visibleObjects().map((visible) => context.access.object(visible.object.name, 'read'));
  const groups = await Promise.all(objects.map(async (access): Promise<SearchGroup> => {
    const branches = searchBranches(context, access, query.text);
    const records = branches.length === 0 ? [] : await objectHits(context, access, branches, query);
    return { object: access.object.name, label: access.object.definition.label, records };
  }));
  return groups.filter((group) => group.records.length > 0);
}
