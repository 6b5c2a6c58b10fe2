import { createHmac, type KeyObject } from 'node:crypto';
import { checkContext, checkValue } from './check-input.js';
import type { KeyRing } from './key-ring.js';

// 16 bytes of the HMAC: a collision between two different values is as likely as a random
// 128-bit match (about 10^-20 among a billion values of one field). A collision only makes a
// lookup return an extra row, never miss one, and every caller must drop such rows by comparing
// the decrypted, normalised value with the one it looked for.
const indexLength = 16;

function indexWith(key: KeyObject, normalisedValue: string, context: string): string {
  const contextBytes = Buffer.from(context, 'utf8');
  // The context's length first, so no (context, value) pair spells the same input as another.
  const contextLength = Buffer.alloc(4);
  contextLength.writeUInt32BE(contextBytes.length);
  return createHmac('sha256', key).update(contextLength).update(contextBytes).update(normalisedValue, 'utf8')
    .digest().subarray(0, indexLength).toString('base64url');
}

/**
 * The blind index of a value under the current key: HMAC-SHA256 over the context and the value
 * normalised by normaliseForIndex, truncated to 16 bytes, base64url (22 characters). Equal values
 * of one field share it; the same value in another field or workspace (context) does not.
 * A match is a candidate: the caller re-checks it after decrypting.
 */
export function blindIndex(ring: KeyRing, normalisedValue: string, context: string): string {
  checkValue(normalisedValue);
  checkContext(context);
  return indexWith(ring.current.indexKey, normalisedValue, context);
}

/**
 * The blind indexes to look a normalised value up by (`eq`, `in`): under the current key and each
 * previous one, so values written before a rotation are found until the re-encryption job has
 * rewritten them. Current first, without duplicates.
 */
export function blindIndexesForLookup(ring: KeyRing, normalisedValue: string, context: string): string[] {
  checkValue(normalisedValue);
  checkContext(context);
  return [...new Set(ring.all.map((keys) => indexWith(keys.indexKey, normalisedValue, context)))];
}
