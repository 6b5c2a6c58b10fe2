import type { DataContext } from '../data/index.js';
import { consentedSql } from './consented-sql.js';
import { requireSubject } from './require-subject.js';

/**
 * Whether a person may be contacted on a channel for a purpose: true only when the latest consent
 * recorded for them is `granted` (withdrawn or never granted: false). What marketing asks before
 * each message; jobs call it with a system context. Needs `read` on the object.
 */
export async function hasConsent(context: DataContext, objectName: string, id: string, channel: string, purpose: string): Promise<boolean> {
  const condition = consentedSql(context.schema, objectName, channel, purpose, 's');
  await requireSubject(context, objectName, id, 'read');
  const { rows } = await context.knex.raw(`SELECT ${condition.sql} AS consented FROM (SELECT ?::uuid AS id) AS s`, [...condition.bindings, id]);
  return (rows as { consented: boolean }[])[0]!.consented === true;
}
