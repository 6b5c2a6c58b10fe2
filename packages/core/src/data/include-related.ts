import type { ObjectAccess } from '../access/index.js';
import { joinTableName, type Field } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { qualified, quoteIdent } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';
import { maskRecord, readableColumns } from './readable-record.js';
import { rowScope } from './row-scope.js';
import { decryptRows } from './decrypt-record.js';

/** Most related records loaded per include, across the page (protects the server from huge fans). */
export const maxIncludedRecords = 10_000;

/** Throws FIELD_FORBIDDEN unless the caller may read the relation field and its target object. */
export function requireIncludable(context: DataContext, access: ObjectAccess, name: string): ObjectAccess {
  access.requireReadable(name, 'include');
  const target = context.access.visible(access.object.fields.get(name)!.relation!.target);
  if (!target) throw new TesseraError('FIELD_FORBIDDEN', { field: `${access.object.name}.${name}`, use: 'include' });
  return target;
}

/** Live rows of the target that the caller may see, where `column` is one of `values`. */
async function fetchVisible(context: DataContext, target: ObjectAccess, column: string, values: unknown[], orderBy = ''): Promise<Record<string, unknown>[]> {
  if (values.length === 0) return [];
  const columns = [...new Set([...readableColumns(target), column])];
  const scope = rowScope(context, target, 't');
  const { rows } = await context.knex.raw(
    `SELECT ${columns.map((name) => `t.${quoteIdent(name)}`).join(', ')} FROM ${qualified(context.schema, target.object.name)} AS t
     WHERE t.${quoteIdent(column)} = ANY(?::uuid[]) AND t.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''}${orderBy} LIMIT ${maxIncludedRecords}`,
    [values, ...(scope?.bindings ?? [])] as never[],
  );
  return decryptRows(context.keys, target.object, rows as Record<string, unknown>[]);
}

function shown(target: ObjectAccess, row: Record<string, unknown>, extra?: string): ApiRecord {
  const record = serializeRecord(target.object, row);
  if (extra !== undefined && !target.readable.has(extra)) delete record[extra];
  return maskRecord(target, record);
}

async function includeManyToOne(context: DataContext, target: ObjectAccess, field: Field, records: ApiRecord[]): Promise<void> {
  const ids = [...new Set(records.map((record) => record[field.name]).filter((id) => typeof id === 'string'))];
  const related = new Map((await fetchVisible(context, target, 'id', ids)).map((row) => [String(row.id), shown(target, row)] as const));
  for (const record of records) {
    const id = record[field.name];
    if (typeof id === 'string') record[field.name] = related.get(id) ?? null;
  }
}

async function includeOneToMany(context: DataContext, target: ObjectAccess, field: Field, records: ApiRecord[]): Promise<void> {
  const inverse = field.relation!.inverse!;
  const rows = await fetchVisible(context, target, inverse, records.map((record) => record.id), ' ORDER BY t.created_at');
  const byParent = new Map<string, ApiRecord[]>();
  for (const row of rows) {
    const parent = String(row[inverse]);
    byParent.set(parent, [...(byParent.get(parent) ?? []), shown(target, row, inverse)]);
  }
  for (const record of records) record[field.name] = byParent.get(String(record.id)) ?? [];
}

async function includeManyToMany(context: DataContext, source: ObjectAccess, target: ObjectAccess, field: Field, records: ApiRecord[]): Promise<void> {
  const { rows } = await context.knex.raw(
    `SELECT source_id::text AS source, target_id::text AS target FROM ${qualified(context.schema, joinTableName(source.object.name, field.name))} WHERE source_id = ANY(?::uuid[]) LIMIT ${maxIncludedRecords}`,
    [records.map((record) => record.id as string)],
  );
  const links = rows as { source: string; target: string }[];
  const related = new Map((await fetchVisible(context, target, 'id', [...new Set(links.map((link) => link.target))])).map((row) => [String(row.id), shown(target, row)] as const));
  const bySource = new Map<string, ApiRecord[]>();
  for (const link of links) {
    const found = related.get(link.target);
    if (found) bySource.set(link.source, [...(bySource.get(link.source) ?? []), found]);
  }
  for (const record of records) record[field.name] = bySource.get(String(record.id)) ?? [];
}

/**
 * Replaces relation values with the related records (many_to_one) or adds lists of them; the
 * related records are read with the caller's access to their object: its readable fields, its
 * row rule (a related record outside it is left out, a many_to_one shows null) and masking.
 */
export async function includeRelated(context: DataContext, access: ObjectAccess, records: ApiRecord[], include: string[]): Promise<void> {
  if (records.length === 0) return;
  for (const name of include) {
    const target = requireIncludable(context, access, name);
    const field = access.object.fields.get(name)!;
    if (field.relation?.kind === 'many_to_one') await includeManyToOne(context, target, field, records);
    else if (field.relation?.kind === 'one_to_many') await includeOneToMany(context, target, field, records);
    else await includeManyToMany(context, access, target, field, records);
  }
}
