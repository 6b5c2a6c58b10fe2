import type { ObjectAccess } from '../access/index.js';
import { maskValue } from '../personal/index.js';
import { selectedColumns } from './selected-columns.js';
import type { ApiRecord } from './serialize-record.js';

const everyReadable = new WeakMap<ObjectAccess, string[]>();

/** Columns a read selects for this access: the requested fields (or all) that the role may read. */
export function readableColumns(access: ObjectAccess, fields?: string[]): string[] {
  if (fields) return selectedColumns(access.object, fields).filter((column) => access.readable.has(column));
  let columns = everyReadable.get(access);
  if (!columns) everyReadable.set(access, columns = selectedColumns(access.object).filter((column) => access.readable.has(column)));
  return columns;
}

/** Masks the personal values of a serialized record in place (138****5678, z***@example.com). */
export function maskRecord(access: ObjectAccess, record: ApiRecord): ApiRecord {
  for (const name of access.masked) {
    if (name in record) record[name] = maskValue(access.object.fields.get(name)!.type, record[name]);
  }
  return record;
}
