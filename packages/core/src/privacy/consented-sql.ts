import { TesseraError } from '../errors/index.js';
import { consentsTable, qualified } from '../schema/index.js';
import { requireConsentIdentifier } from './consent-input.js';

/** A SQL condition and its bound values. */
export interface ConsentCondition {
  sql: string;
  bindings: string[];
}

// Starts with a letter, so it never meets the condition's own names, which start with `_`.
const aliasPattern = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * The set-based consent test for segment and campaign queries: an EXISTS condition, true for the
 * rows of `object` (aliased `alias` in the caller's query) whose latest consent for the channel
 * and purpose is `granted` (withdrawn, or never recorded: false). One index probe per row
 * (consents_by_record). Channel and purpose are checked identifiers and bound, never spliced.
 */
export function consentedSql(schema: string, object: string, channel: string, purpose: string, alias: string): ConsentCondition {
  if (!aliasPattern.test(alias)) throw new TesseraError('BAD_REQUEST', { reason: 'the alias must be an identifier' });
  const bindings = [object, requireConsentIdentifier(channel, 'channel'), requireConsentIdentifier(purpose, 'purpose')];
  const sql = `EXISTS (SELECT 1 FROM (SELECT _c.status FROM ${qualified(schema, consentsTable)} AS _c
    WHERE _c.object = ? AND _c.record_id = ${alias}.id AND _c.channel = ? AND _c.purpose = ? ORDER BY _c.id DESC LIMIT 1) AS _latest WHERE _latest.status = 'granted')`;
  return { sql, bindings };
}
