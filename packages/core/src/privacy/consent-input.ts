import { TesseraError } from '../errors/index.js';

/** Channels (sms, email, wechat, phone…) and purposes (marketing, service, analytics…) are identifiers. */
export const consentIdentifier = /^[a-z][a-z0-9_]{0,62}$/;

/** Longest `source` text of a consent (where it was given: "store counter", "web form"). */
export const maxConsentSource = 200;

/** The two states of a consent. */
export const consentStatuses = ['granted', 'withdrawn'] as const;

/** A consent's status. */
export type ConsentStatus = typeof consentStatuses[number];

/** A consent to record, as checked. */
export interface ConsentInput {
  channel: string;
  purpose: string;
  status: ConsentStatus;
  source: string | null;
}

const known = new Set(['channel', 'purpose', 'status', 'source']);

function invalid(reason: string): never {
  throw new TesseraError('BAD_REQUEST', { reason });
}

/** Throws BAD_REQUEST unless the value is a channel or purpose identifier; never echoes the value. */
export function requireConsentIdentifier(value: unknown, name: 'channel' | 'purpose'): string {
  if (typeof value !== 'string' || !consentIdentifier.test(value)) invalid(`${name} must start with a-z and hold only a-z, 0-9 and _, at most 63 characters`);
  return value;
}

/** Checks a consent body: channel, purpose, status and an optional source; anything else is BAD_REQUEST. */
export function parseConsentInput(body: unknown): ConsentInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) invalid('the consent must be a JSON object');
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!known.has(key)) invalid(`unknown property "${key.slice(0, 64)}"`);
  const status = fields.status;
  if (typeof status !== 'string' || !(consentStatuses as readonly string[]).includes(status)) invalid('status must be granted or withdrawn');
  const source = fields.source ?? null;
  if (source !== null && (typeof source !== 'string' || source.length > maxConsentSource)) invalid(`source must be a text of at most ${maxConsentSource} characters`);
  return {
    channel: requireConsentIdentifier(fields.channel, 'channel'),
    purpose: requireConsentIdentifier(fields.purpose, 'purpose'),
    status: status as ConsentStatus,
    source: source === '' ? null : source,
  };
}
