import { joinTableName, type Field, type ObjectModel } from '../documents/index.js';
import { qualified } from '../schema/index.js';
import { objectOf, type DataContext } from './data-context.js';
import { serializeRecord, type ApiRecord } from './serialize-record.js';
import { selectedColumns } from './selected-columns.js';

/** Most related records loaded per include, across the page (protects the server from huge fans). */
export const maxIncludedRecords = 10_000;

async function fetchByIds(context: DataContext, target: ObjectModel, ids: unknown[]): Promise<Map<string, ApiRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await context.knex.withSchema(context.schema).from(target.name)
    .select(selectedColumns(target)).whereIn('id', ids as string[]).whereNull('deleted_at').limit(maxIncludedRecords);
  return new Map(rows.map((row: Record<string, unknown>) => [String(row.id), serializeRecord(target, row)] as const));
}

async function includeManyToOne(context: DataContext, field: Field, records: ApiRecord[]): Promise<void> {
  const target = objectOf(context, field.relation!.target);
  const ids = [...new Set(records.map((record) => record[field.name]).filter((id) => typeof id === 'string'))];
  const related = await fetchByIds(context, target, ids);
  for (const record of records) {
    const id = record[field.name];
    if (typeof id === 'string') record[field.name] = related.get(id) ?? null;
  }
}

async function includeOneToMany(context: DataContext, field: Field, records: ApiRecord[]): Promise<void> {
  const target = objectOf(context, field.relation!.target);
  const inverse = field.relation!.inverse!;
  const rows = await context.knex.withSchema(context.schema).from(target.name).select(selectedColumns(target))
    .whereIn(inverse, records.map((record) => record.id as string)).whereNull('deleted_at').orderBy('created_at').limit(maxIncludedRecords);
  const byParent = new Map<string, ApiRecord[]>();
  for (const row of rows as Record<string, unknown>[]) {
    const list = byParent.get(String(row[inverse])) ?? [];
    list.push(serializeRecord(target, row));
    byParent.set(String(row[inverse]), list);
  }
  for (const record of records) record[field.name] = byParent.get(String(record.id)) ?? [];
}

async function includeManyToMany(context: DataContext, object: ObjectModel, field: Field, records: ApiRecord[]): Promise<void> {
  const target = objectOf(context, field.relation!.target);
  const { rows } = await context.knex.raw(
    `SELECT source_id::text AS source, target_id::text AS target FROM ${qualified(context.schema, joinTableName(object.name, field.name))} WHERE source_id = ANY(?::uuid[]) LIMIT ${maxIncludedRecords}`,
    [records.map((record) => record.id as string)],
  );
  const links = rows as { source: string; target: string }[];
  const related = await fetchByIds(context, target, [...new Set(links.map((link) => link.target))]);
  const bySource = new Map<string, ApiRecord[]>();
  for (const link of links) {
    const found = related.get(link.target);
    if (found) bySource.set(link.source, [...(bySource.get(link.source) ?? []), found]);
  }
  for (const record of records) record[field.name] = bySource.get(String(record.id)) ?? [];
}

/** Replaces relation values with the related records (many_to_one) or adds lists of them. */
export async function includeRelated(context: DataContext, object: ObjectModel, records: ApiRecord[], include: string[]): Promise<void> {
  if (records.length === 0) return;
  for (const name of include) {
    const field = object.fields.get(name)!;
    if (field.relation?.kind === 'many_to_one') await includeManyToOne(context, field, records);
    else if (field.relation?.kind === 'one_to_many') await includeOneToMany(context, field, records);
    else await includeManyToMany(context, object, field, records);
  }
}
