import type { Knex } from 'knex';
import { serializeRecord, type ApiRecord } from '../data/index.js';
import type { ObjectModel } from '../documents/index.js';
import { qualified, quoteIdent } from '../schema/index.js';

/**
 * Every record of an object whose `column` (id or a many_to_one field) is one of `values`, live
 * and trashed, each column in clear and in the API's form, oldest first. Personal values are plain
 * in the tables today; when at-rest encryption lands, this is the one place that must read them
 * through the data layer's decrypting reader instead. `lock` holds the rows (FOR UPDATE) until the
 * transaction ends.
 */
export async function readPlainRows(knex: Knex, schema: string, object: ObjectModel, column: string, values: readonly string[], options: { lock?: boolean } = {}): Promise<ApiRecord[]> {
  if (values.length === 0) return [];
  const { rows } = await knex.raw(
    `SELECT t.* FROM ${qualified(schema, object.name)} AS t WHERE t.${quoteIdent(column)} = ANY(?::uuid[]) ORDER BY t.created_at, t.id${options.lock ? ' FOR UPDATE OF t' : ''}`,
    [values as string[]],
  );
  return (rows as Record<string, unknown>[]).map((row) => serializeRecord(object, row));
}
