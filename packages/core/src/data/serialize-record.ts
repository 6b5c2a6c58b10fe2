import { systemColumns, valueKindOf, type ObjectModel } from '../documents/index.js';

/** A record as clients see it. */
export type ApiRecord = Record<string, unknown>;

/** How one column's value is turned into the API's form. */
type Convert = (value: unknown) => unknown;

// Timestamps already arrive as ISO 8601 UTC strings (db/timestamp-text.ts); a Date only from elsewhere.
const timestamp: Convert = (value) => value instanceof Date ? value.toISOString() : value ?? null;
const percent: Convert = (value) => value === null || value === undefined ? null : Number(value);
const plain: Convert = (value) => value ?? null;

const plans = new WeakMap<ObjectModel, [string, Convert][]>();
const changing = new WeakMap<ObjectModel, [string, Convert][]>();

/** Every readable column of an object with its conversion, worked out once per blueprint version. */
function columnPlan(object: ObjectModel): [string, Convert][] {
  let plan = plans.get(object);
  if (!plan) {
    plan = [
      ...systemColumns.map((column): [string, Convert] => [column, column.endsWith('_at') ? timestamp : plain]),
      ...object.columnFields.map((field): [string, Convert] => {
        const kind = valueKindOf(field);
        return [field.name, kind === 'datetime' ? timestamp : kind === 'percent' ? percent : plain];
      }),
    ];
    plans.set(object, plan);
  }
  return plan;
}

/**
 * Turns a database row into an API record: timestamps as ISO 8601 UTC, exact numbers as strings,
 * percents as numbers. Only the object's columns the row holds are copied (field selection), in
 * a fixed order: system columns, then fields.
 */
export function serializeRecord(object: ObjectModel, row: Record<string, unknown>): ApiRecord {
  const record: ApiRecord = {};
  for (const [column, convert] of columnPlan(object)) {
    if (column in row) record[column] = convert(row[column]);
  }
  return record;
}

/**
 * serializeRecord for a row read with the object's columns in their order (a list page): only the
 * columns whose form changes are rewritten, in place, so a page of rows is not copied again.
 */
export function serializeRowInPlace(object: ObjectModel, row: Record<string, unknown>): ApiRecord {
  let plan = changing.get(object);
  if (!plan) changing.set(object, plan = columnPlan(object).filter(([, convert]) => convert !== plain));
  for (const [column, convert] of plan) {
    if (column in row) row[column] = convert(row[column]);
  }
  return row;
}
