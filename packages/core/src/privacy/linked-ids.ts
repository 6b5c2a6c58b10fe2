import type { Knex } from 'knex';
import { joinTableName, type Field, type ObjectModel } from '../documents/index.js';
import { qualified } from '../schema/index.js';

/**
 * The ids at the other end of a many_to_many field for one record: the targets a record of
 * `object` links to through `field` (`from: 'source'`), or the records of `object` that link to a
 * target through it (`from: 'target'`).
 */
export async function linkedIds(knex: Knex, schema: string, object: ObjectModel, field: Field, from: 'source' | 'target', id: string): Promise<string[]> {
  const [known, wanted] = from === 'source' ? ['source_id', 'target_id'] : ['target_id', 'source_id'];
  const { rows } = await knex.raw(`SELECT ${wanted}::text AS id FROM ${qualified(schema, joinTableName(object.name, field.name))} WHERE ${known} = ? ORDER BY created_at, ${wanted}`, [id]);
  return (rows as { id: string }[]).map((row) => row.id);
}
