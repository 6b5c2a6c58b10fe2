import { valueKindOf, type ObjectModel } from '../documents/index.js';

/** A record body split into its own columns and its many_to_many link lists. */
export interface SplitRecord {
  columns: Record<string, unknown>;
  links: Map<string, string[]>;
}

/**
 * Splits a validated body into columns and many_to_many id lists. For a `column` write (knex
 * binding) json values are serialised; in a `recordset` (one jsonb batch) they stay as they are.
 */
export function splitRecord(object: ObjectModel, body: Record<string, unknown>, target: 'column' | 'recordset'): SplitRecord {
  const columns: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const links = new Map<string, string[]>();
  for (const [name, value] of Object.entries(body)) {
    const field = object.fields.get(name);
    if (field?.relation?.kind === 'many_to_many') links.set(name, (value as string[] | null) ?? []);
    else if (target === 'column' && field && valueKindOf(field) === 'json' && value !== null) columns[name] = JSON.stringify(value);
    else columns[name] = value;
  }
  return { columns, links };
}
