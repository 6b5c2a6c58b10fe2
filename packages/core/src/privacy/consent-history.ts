import type { Knex } from 'knex';
import { consentsTable, qualified } from '../schema/index.js';
import type { ConsentStatus } from './consent-input.js';

/** One recorded consent. */
export interface ConsentEntry {
  channel: string;
  purpose: string;
  status: ConsentStatus;
  source: string | null;
  at: string;
  actorId: string | null;
}

/** A subject's consents: the state per channel and purpose (its latest entry), and every entry newest first. */
export interface SubjectConsents {
  data: ConsentEntry[];
  history: ConsentEntry[];
}

/** Reads a subject's consent history and works out the current state from it. */
export async function readConsents(knex: Knex, schema: string, object: string, id: string): Promise<SubjectConsents> {
  const { rows } = await knex.raw(
    `SELECT channel, purpose, status, source, at, actor_id FROM ${qualified(schema, consentsTable)} WHERE object = ? AND record_id = ? ORDER BY id DESC`,
    [object, id],
  );
  const history = (rows as Record<string, unknown>[]).map((row): ConsentEntry => ({
    channel: String(row.channel), purpose: String(row.purpose), status: row.status as ConsentStatus,
    source: row.source as string | null, at: String(row.at), actorId: row.actor_id as string | null,
  }));
  const latest = new Map<string, ConsentEntry>();
  for (const entry of history) {
    const key = `${entry.channel}\u0000${entry.purpose}`;
    if (!latest.has(key)) latest.set(key, entry);
  }
  const data = [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  return { data, history };
}
