import { quoteIdent } from '../schema/index.js';
import type { ObjectModel } from '../documents/index.js';

/** jsonb_build_object takes at most 100 arguments: 50 fields per call, calls joined with ||. */
const fieldsPerCall = 50;

/**
 * The SQL of a record's change set for the audit log, from its row before (`before`, NULL for a
 * new record) and after (`after`) a write: `{ field: [old, new] }` for each column that changed,
 * (`before` null: a new record, every column as [null, new]), and `{ field: true }` for a personal field, whose values never reach the log (so erasing a
 * person never rewrites history). Unchanged fields are left out.
 */
export function changeSetSql(object: ObjectModel, columns: readonly string[], before: string | null, after: string): string {
  const entries = columns.filter((column) => column !== 'id' && column !== 'version').map((column) => {
    const name = quoteIdent(column);
    const value = object.fields.get(column)?.personal === true ? `'true'::jsonb` : `jsonb_build_array(${before === null ? 'NULL' : `${before}.${name}`}, ${after}.${name})`;
    if (before === null) return `'${column}', ${value}`;
    return `'${column}', CASE WHEN ${before}.id IS NULL OR ${before}.${name} IS DISTINCT FROM ${after}.${name} THEN ${value} END`;
  });
  if (entries.length === 0) return `'{}'::jsonb`;
  const calls: string[] = [];
  for (let start = 0; start < entries.length; start += fieldsPerCall) calls.push(`jsonb_build_object(${entries.slice(start, start + fieldsPerCall).join(', ')})`);
  return `jsonb_strip_nulls(${calls.join(' || ')})`;
}
