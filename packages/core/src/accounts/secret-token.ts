import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random secret of `bytes` bytes (32 = 256 bits), base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The stored form of a random secret (session token, API key): sha256, hex. A slow hash like
 * argon2 protects guessable passwords; a 256-bit random secret cannot be guessed, so a fast hash
 * loses nothing and keeps every authenticated request cheap.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
