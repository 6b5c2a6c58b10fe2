import { TesseraError } from '../errors/index.js';

/** Length bounds of a password, in characters (code points). */
export const passwordLimits = { min: 10, max: 200 } as const;

/** Characters of a text, without spreading a huge one (a code point is at most two UTF-16 units). */
function characters(text: string): number {
  return text.length > passwordLimits.max * 2 ? Infinity : [...text].length;
}

/** A new password (creation, change, reset): a text of 10 to 200 characters, else 400 INVALID_PASSWORD. */
export function checkNewPassword(value: unknown): string {
  if (typeof value !== 'string') throw new TesseraError('INVALID_PASSWORD', passwordLimits);
  const length = characters(value);
  if (length < passwordLimits.min || length > passwordLimits.max) throw new TesseraError('INVALID_PASSWORD', passwordLimits);
  return value;
}

/**
 * A password given to sign in: a text of at most 200 characters, else 400 before any hashing (a
 * huge body is not worth hashing). Short ones are merely wrong: they are checked, and fail, as any.
 */
export function checkGivenPassword(value: unknown): string {
  if (typeof value !== 'string' || characters(value) > passwordLimits.max) throw new TesseraError('INVALID_PASSWORD', passwordLimits);
  return value;
}
