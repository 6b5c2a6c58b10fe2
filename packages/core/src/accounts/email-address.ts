import { TesseraError } from '../errors/index.js';

// One @, a dot in the domain, no spaces or control characters, no quotes or angle brackets:
// addresses people type, not every form RFC 5322 allows.
const shape = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:.]+$/u;

/** Largest address accepted (RFC 5321's path limit). */
export const maxEmailLength = 254;

/** An email as stored and looked up: trimmed and lower-cased, else 400 INVALID_EMAIL. */
export function normalizeEmail(value: unknown): string {
  if (typeof value !== 'string') throw new TesseraError('INVALID_EMAIL');
  const email = value.trim().toLowerCase();
  if (email.length > maxEmailLength || !shape.test(email) || /\p{Cc}/u.test(email)) throw new TesseraError('INVALID_EMAIL');
  return email;
}
