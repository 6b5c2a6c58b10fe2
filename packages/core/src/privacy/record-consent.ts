import type { DataContext } from '../data/index.js';
import { appendAudit } from '../audit/index.js';
import { consentsTable, qualified } from '../schema/index.js';
import { parseConsentInput } from './consent-input.js';
import type { ConsentEntry } from './consent-history.js';
import { requireSubject } from './require-subject.js';

/**
 * Records that a person granted or withdrew consent for one channel and purpose: appended to the
 * workspace's consent history (never changed in place: the history is the proof), with an audit
 * entry, in one transaction. Needs the `update` action on the object (staff record consents at
 * the counter), not the privacy capability. The audit entry names channel, purpose and status but
 * not the source, which is free text and may name a person.
 */
export async function recordConsent(context: DataContext, objectName: string, id: string, body: unknown): Promise<ConsentEntry> {
  const input = parseConsentInput(body);
  return context.knex.transaction(async (trx) => {
    await requireSubject(context, objectName, id, 'update', trx);
    const { rows } = await trx.raw(
      `INSERT INTO ${qualified(context.schema, consentsTable)} (object, record_id, channel, purpose, status, source, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING at`,
      [objectName, id, input.channel, input.purpose, input.status, input.source, context.actor],
    );
    await appendAudit(trx, context.schema, context.stamp, {
      action: 'privacy.consent', object: objectName, recordId: id, details: { channel: input.channel, purpose: input.purpose, status: input.status },
    });
    return { ...input, at: String((rows as { at: unknown }[])[0]!.at), actorId: context.actor };
  });
}
