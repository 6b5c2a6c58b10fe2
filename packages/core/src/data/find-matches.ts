import type { Filter } from '../documents/index.js';
import { qualified, quoteIdent } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { compileFilter } from './compile-filter.js';
import { decryptRows } from './decrypt-record.js';
import { filterOptions, rowScope } from './row-scope.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';

/** Values looked up per statement. */
const valuesPerStatement = 1_000;

/**
 * The live records whose `field` holds one of `values`, within the caller's rows, read whole and
 * unmasked (personal fields included): an import compares and merges them, and keeps them to undo
 * its changes; nothing of them goes back to the caller. Encrypted fields are looked up by their
 * blind index, like any filter on them. The caller needs read and import on the object (read only,
 * and the field readable, to look up the records a relation cell names).
 */
export async function findMatches(context: DataContext, objectName: string, field: string, values: unknown[], purpose: 'import' | 'read' = 'import'): Promise<ApiRecord[]> {
  const access = context.access.object(objectName, purpose);
  context.access.object(objectName, 'read');
  access.requireReadable(field, 'filter');
  const object = access.object;
  const scope = rowScope(context, access, 't');
  const columns = ['id', 'version', ...object.columnFields.map((column) => column.name)].map((column) => `t.${quoteIdent(column)}`).join(', ');
  const found: ApiRecord[] = [];
  for (let start = 0; start < values.length; start += valuesPerStatement) {
    const filter: Filter = { field, op: 'in', value: values.slice(start, start + valuesPerStatement) } as Filter;
    const compiled = compileFilter(filter, objectName, context.model.definitions, context.schema, filterOptions(context));
    const where = [`t.deleted_at IS NULL`, compiled.sql, ...(scope ? [scope.sql] : [])].join(' AND ');
    const { rows } = await context.knex.raw(`SELECT ${columns} FROM ${qualified(context.schema, objectName)} AS t WHERE ${where}`, [...compiled.bindings, ...(scope?.bindings ?? [])] as never[]) as { rows: Record<string, unknown>[] };
    found.push(...decryptRows(context.keys, object, rows).map((row) => serializeRecord(object, row)));
  }
  return found;
}
