import { quoteIdent } from '../schema/index.js';
import type { ObjectModel } from '../documents/index.js';

/** jsonb_build_object takes at most 100 arguments: 50 fields per call, calls joined with ||. */
const fieldsPerCall = 50;

/**
 * The body of a `before` CTE (declare it MATERIALIZED): the rows a statement is about to change
 * (matched to the batch in CTE `input` on `key`), read in the statement's snapshot, as one jsonb
 * object keyed by id. A LATERAL probe per batch row (OFFSET 0 keeps the planner from flattening
 * it) stays on the key's index whatever the statistics of a table filling up say, and the
 * one-object shape lets each written row find its old values by key (see oldRowJoin) rather than
 * by a join the planner, reading the batch as 100 rows, would nest.
 */
export function beforeRowsSql(table: string, key: string, condition = ''): string {
  const column = quoteIdent(key);
  return `SELECT jsonb_object_agg(t.id::text, to_jsonb(t)) AS rows FROM input AS x
    CROSS JOIN LATERAL (SELECT t.* FROM ${table} AS t WHERE t.${column} = x.${column}${condition} OFFSET 0) AS t`;
}

/** Joins each written row (alias `after`) to its old values from the `before` CTE, as `old_row.old` (NULL for a new record); OFFSET 0 makes it one lookup per row, not one per use. */
export function oldRowJoin(after: string): string {
  return `LEFT JOIN LATERAL (SELECT (SELECT rows FROM before) -> ${after}.id::text AS old OFFSET 0) AS old_row ON true`;
}

/**
 * The SQL of a record's change set for the audit log, from its old values (`old_row.old` from
 * oldRowJoin, or null for records known to be new) and the written row `after`:
 * `{ field: [old, new] }` for each column that changed (every given column for a new record),
 * and `{ field: true }` for a personal field, whose values never reach the log (so erasing a
 * person never rewrites history). Unchanged fields are left out.
 */
export function changeSetSql(object: ObjectModel, columns: readonly string[], withOld: boolean, after: string): string {
  const old = 'old_row.old';
  const audited = columns.filter((column) => column !== 'id' && column !== 'version');
  if (audited.length === 0) return `'{}'::jsonb`;
  const personal = (column: string) => object.fields.get(column)?.personal === true;
  const now = (column: string) => `to_jsonb(${after}.${quoteIdent(column)})`;
  // A new record: every column, no comparison (the common case of imports, kept cheap).
  const created = objectSql(audited.map((column) => `'${column}', ${personal(column) ? `'true'::jsonb` : `jsonb_build_array(NULL, ${now(column)})`}`));
  if (!withOld) return created;
  const changed = objectSql(audited.map((column) => {
    const value = personal(column) ? `'true'::jsonb` : `jsonb_build_array(${old} -> '${column}', ${now(column)})`;
    // The old row holds a JSON null where the column was NULL; to_jsonb(NULL) is SQL NULL.
    return `'${column}', CASE WHEN ${old} -> '${column}' IS DISTINCT FROM COALESCE(${now(column)}, 'null'::jsonb) THEN ${value} END`;
  }));
  return `CASE WHEN ${old} IS NULL THEN ${created} ELSE jsonb_strip_nulls(${changed}) END`;
}

/** A jsonb object from key/value pairs, in calls of at most 50 pairs joined with ||. */
function objectSql(entries: string[]): string {
  const calls: string[] = [];
  for (let start = 0; start < entries.length; start += fieldsPerCall) calls.push(`jsonb_build_object(${entries.slice(start, start + fieldsPerCall).join(', ')})`);
  return calls.join(' || ');
}
