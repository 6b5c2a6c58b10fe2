import type { Knex } from 'knex';
import type { ObjectAccess } from '../access/index.js';
import { TesseraError } from '../errors/index.js';
import { qualified } from '../schema/index.js';
import type { DataContext } from './data-context.js';
import { rowScope } from './row-scope.js';

/**
 * After a write, in its transaction: throws ROW_FORBIDDEN (rolling the write back) when a
 * written record falls outside the caller's row rule — a sales member may not create a record
 * for someone else, nor move one out of their own rows.
 */
export async function requireInScope(trx: Knex, context: DataContext, access: ObjectAccess, ids: readonly string[]): Promise<void> {
  const scope = rowScope(context, access, 't');
  if (!scope || ids.length === 0) return;
  const { rows } = await trx.raw(
    `SELECT t.id::text AS id FROM ${qualified(context.schema, access.object.name)} AS t WHERE t.id = ANY(?::uuid[]) AND NOT ${scope.sql} LIMIT 1`,
    [ids, ...scope.bindings] as never[],
  );
  const outside = (rows as { id: string }[])[0];
  if (outside) throw new TesseraError('ROW_FORBIDDEN', { what: `${access.object.name}/${outside.id}` });
}
