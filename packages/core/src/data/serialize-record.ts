import { systemColumns, valueKindOf, type ObjectModel } from '../documents/index.js';

/** A record as clients see it. */
export type ApiRecord = Record<string, unknown>;

function toIso(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Turns a database row into an API record: timestamps as ISO 8601 UTC, exact numbers as strings,
 * percents as numbers. Only the columns the row holds are copied (field selection).
 */
export function serializeRecord(object: ObjectModel, row: Record<string, unknown>): ApiRecord {
  const record: ApiRecord = Object.create(null) as ApiRecord;
  for (const column of systemColumns) {
    if (column in row) record[column] = column.endsWith('_at') ? toIso(row[column]) : row[column];
  }
  for (const field of object.columnFields) {
    if (!(field.name in row)) continue;
    const value = row[field.name];
    const kind = valueKindOf(field);
    if (value === null || value === undefined) record[field.name] = null;
    else if (kind === 'datetime') record[field.name] = toIso(value);
    else if (kind === 'percent') record[field.name] = Number(value);
    else record[field.name] = value;
  }
  return record;
}
