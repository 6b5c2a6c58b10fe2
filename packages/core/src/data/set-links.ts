import type { Knex } from 'knex';
import { joinTableName, type ObjectModel } from '../documents/index.js';
import { qualified } from '../schema/index.js';

/** Replaces the many_to_many links of the given records for one field. */
export async function setLinks(trx: Knex, schema: string, object: ObjectModel, field: string, links: Map<string, string[]>): Promise<void> {
  if (links.size === 0) return;
  const table = qualified(schema, joinTableName(object.name, field));
  await trx.raw(`DELETE FROM ${table} WHERE source_id = ANY(?::uuid[])`, [[...links.keys()]]);
  const pairs = [...links].flatMap(([source, targets]) => targets.map((target) => ({ s: source, t: target })));
  if (pairs.length === 0) return;
  await trx.raw(`INSERT INTO ${table} (source_id, target_id) SELECT s, t FROM jsonb_to_recordset(?::jsonb) AS x(s uuid, t uuid) ON CONFLICT DO NOTHING`, [JSON.stringify(pairs)]);
}
