import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { hasColumn, systemColumns, valueKindOf, type ValueKind } from '../../src/documents/index.js';
import { auditTable, consentsTable, duplicateTables, importTables, outboxTable, qualified, quoteIdent, savedViewsTable } from '../../src/schema/index.js';
import { canonicalSql, type Cell } from './cells.js';
import type { Model, ModelField, ModelObject } from './model.js';

interface ColumnExpectation {
  column: string;
  what: string;
  kind: ValueKind;
  cells: Cell[];
}

interface TableExpectation {
  table: string;
  what: string;
  rowIds: string[];
  columns: ColumnExpectation[];
}

interface ArchiveRow {
  kind: 'object' | 'field';
  object_id: string;
  field_id: string | null;
  physical_name: string;
}

const line = (id: string, cell: Cell) => `${id}:${cell === null ? '~' : `=${cell}`}`;
/** SQL of the checksum of one column: md5 over "id:=value" (or "id:~" for null) in id order. */
const checksumSql = (expression: string) => `md5(coalesce(string_agg(id::text || ':' || coalesce('=' || ${expression}, '~'), '|' ORDER BY id), ''))`;
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function columnsOf(object: ModelObject, archives: Map<string, string>, problems: string[]): ColumnExpectation[] {
  const column = (name: string, field: ModelField, state: string): ColumnExpectation => ({
    column: name, what: `${state} field ${field.def.id} (${field.def.name})`, kind: valueKindOf(field.def), cells: field.cells,
  });
  const live = object.fields.filter((field) => hasColumn(field.def)).map((field) => column(field.def.name, field, 'kept'));
  const archived = Object.values(object.archived).filter((field) => hasColumn(field.def)).flatMap((field) => {
    const physical = archives.get(`field/${object.id}/${field.def.id}`);
    if (!physical) problems.push(`no archive record for field ${object.id}/${field.def.id}`);
    return physical ? [column(physical, field, 'archived')] : [];
  });
  return [...live, ...archived];
}

function expectedTables(model: Model, archives: Map<string, string>, problems: string[]): TableExpectation[] {
  const tables = model.objects.map((object) => ({ table: object.name, what: `object ${object.id}`, rowIds: object.rowIds, columns: columnsOf(object, archives, problems) }));
  for (const object of Object.values(model.archivedObjects)) {
    const physical = archives.get(`object/${object.id}/`);
    if (!physical) problems.push(`no archive record for object ${object.id}`);
    else tables.push({ table: physical, what: `archived object ${object.id}`, rowIds: object.rowIds, columns: columnsOf(object, archives, problems) });
  }
  const expectedRecords = new Set([
    ...Object.keys(model.archivedObjects).map((id) => `object/${id}/`),
    ...[...model.objects, ...Object.values(model.archivedObjects)].flatMap((object) => Object.values(object.archived).map((field) => `field/${object.id}/${field.def.id}`)),
  ]);
  for (const key of archives.keys()) if (!expectedRecords.has(key)) problems.push(`unexpected archive record ${key}`);
  return tables;
}

async function differences(knex: Knex, schema: string, table: TableExpectation, column: ColumnExpectation): Promise<string> {
  const { rows } = await knex.raw(`SELECT id::text AS id, ${canonicalSql(column.kind, quoteIdent(column.column))} AS value FROM ${qualified(schema, table.table)} ORDER BY id`);
  const actual = new Map((rows as { id: string; value: string | null }[]).map((row) => [row.id, row.value] as const));
  const wrong = table.rowIds.flatMap((id, row) => (actual.get(id) === column.cells[row] ? [] : [`${id}: expected ${JSON.stringify(column.cells[row])}, found ${JSON.stringify(actual.get(id))}`]));
  return `${wrong.length} rows differ, e.g. ${wrong.slice(0, 3).join('; ')}`;
}

async function checkTable(knex: Knex, schema: string, table: TableExpectation, present: string[] | undefined, problems: string[]): Promise<void> {
  const where = `${table.what} (table ${table.table})`;
  if (!present) {
    problems.push(`${where} is missing`);
    return;
  }
  const expectedColumns = [...systemColumns, ...table.columns.map((column) => column.column)].sort();
  if (JSON.stringify([...present].sort()) !== JSON.stringify(expectedColumns)) problems.push(`${where} has columns ${[...present].sort().join(',')}, expected ${expectedColumns.join(',')}`);
  const sums = table.columns.map((column, index) => `${checksumSql(canonicalSql(column.kind, quoteIdent(column.column)))} AS c${index}`);
  const { rows } = await knex.raw(`SELECT ${[`${checksumSql("''")} AS ids`, ...sums].join(', ')} FROM ${qualified(schema, table.table)}`);
  const found = rows[0] as Record<string, string>;
  if (found.ids !== md5(table.rowIds.map((id) => line(id, '')).join('|'))) {
    problems.push(`${where} does not hold the expected rows`);
    return;
  }
  for (const [index, column] of table.columns.entries()) {
    if (found[`c${index}`] === md5(table.rowIds.map((id, row) => line(id, column.cells[row] ?? null)).join('|'))) continue;
    problems.push(`${where}, ${column.what} as column ${column.column}: checksum differs; ${await differences(knex, schema, table, column)}`);
  }
}

/**
 * Compares a workspace with the model: the applied version, the archive records, each table's
 * columns, and a checksum of every kept and archived column (by field id, whatever its name now).
 * Returns the differences found.
 */
export async function compareWithModel(knex: Knex, slug: string, model: Model): Promise<string[]> {
  const problems: string[] = [];
  const workspace = await knex('tessera.workspaces').where({ slug }).first();
  if (workspace.blueprint_version !== model.version) problems.push(`version ${workspace.blueprint_version}, expected ${model.version}`);
  const archiveRows = (await knex('tessera.archives').where({ workspace_id: workspace.id })) as ArchiveRow[];
  const archives = new Map(archiveRows.map((row) => [`${row.kind}/${row.object_id}/${row.field_id ?? ''}`, row.physical_name] as const));
  const tables = expectedTables(model, archives, problems);
  const { rows } = await knex.raw(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?`, [workspace.schema_name]);
  const present = new Map<string, string[]>();
  for (const row of rows as { table_name: string; column_name: string }[]) present.set(row.table_name, [...(present.get(row.table_name) ?? []), row.column_name]);
  // The workspace-wide tables every workspace has besides its objects' (named where they are created).
  const workspaceTables = new Set<string>([outboxTable, auditTable, consentsTable, savedViewsTable, ...Object.values(importTables), ...Object.values(duplicateTables)]);
  const unexpected = [...present.keys()].filter((name) => !workspaceTables.has(name) && !tables.some((table) => table.table === name));
  if (unexpected.length > 0) problems.push(`unexpected tables ${unexpected.join(', ')}`);
  for (const table of tables) await checkTable(knex, workspace.schema_name, table, present.get(table.table), problems);
  return problems;
}
