import type { Knex } from 'knex';
import { decryptRecord, serializeRecord, type ApiRecord, type DataContext } from '../data/index.js';
import type { ObjectModel } from '../documents/index.js';
import { qualified, quoteIdent } from '../schema/index.js';

/**
 * Every record of an object whose `column` (id or a many_to_one field) is one of `values`, live
 * and trashed, each column in clear (encrypted fields decrypted) and in the API's form, oldest
 * first. `lock` holds the rows (FOR UPDATE) until the transaction ends.
 */
export async function readPlainRows(knex: Knex, context: DataContext, object: ObjectModel, column: string, values: readonly string[], options: { lock?: boolean } = {}): Promise<ApiRecord[]> {
  if (values.length === 0) return [];
  const { rows } = await knex.raw(
    `SELECT t.* FROM ${qualified(context.schema, object.name)} AS t WHERE t.${quoteIdent(column)} = ANY(?::uuid[]) ORDER BY t.created_at, t.id${options.lock ? ' FOR UPDATE OF t' : ''}`,
    [values as string[]],
  );
  return (rows as Record<string, unknown>[]).map((row) => serializeRecord(object, decryptRecord(context.keys, object, row)));
}
