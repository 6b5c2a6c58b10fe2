import { systemColumns, type ObjectModel } from '../documents/index.js';

/** Columns a read selects: the requested fields (plus id and version) or every live column. Never archived ones. */
export function selectedColumns(object: ObjectModel, fields?: string[]): string[] {
  const all = [...systemColumns, ...object.columnFields.map((field) => field.name)];
  if (!fields) return all;
  return all.filter((column) => column === 'id' || column === 'version' || fields.includes(column));
}
