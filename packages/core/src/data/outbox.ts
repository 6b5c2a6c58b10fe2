import type { Knex } from 'knex';
import { outboxTable, qualified } from '../schema/index.js';

/** Kinds of events written to a workspace's outbox. */
export type RecordEventType = 'record.created' | 'record.updated' | 'record.deleted' | 'record.restored' | 'record.merged';

/** Appends one event in the caller's transaction, so it commits or vanishes with the write. */
export async function appendEvent(trx: Knex, schema: string, event: { object: string; recordId: string; type: RecordEventType; payload: object; actor: string }): Promise<void> {
  await trx.raw(`INSERT INTO ${qualified(schema, outboxTable)} (object, record_id, type, payload, actor) VALUES (?, ?, ?, ?::jsonb, ?)`,
    [event.object, event.recordId, event.type, JSON.stringify(event.payload), event.actor]);
}
