import { TesseraError } from '../errors/index.js';

/**
 * A short text given by a client (a user's or a key's name): trimmed, 1 to `max` characters, no
 * control characters; else 400 naming what was wrong.
 */
export function readText(value: unknown, what: string, max = 200): string {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || text.length === 0 || text.length > max || /\p{Cc}/u.test(text)) {
    throw new TesseraError('BAD_REQUEST', { reason: `${what} must be a text of 1 to ${max} characters` });
  }
  return text;
}

/** An optional boolean flag: undefined when absent, else it must be true or false. */
export function readFlag(value: unknown, what: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new TesseraError('BAD_REQUEST', { reason: `${what} must be true or false` });
  return value;
}

/** The body of a request as a plain object naming only allowed keys; anything else is 400. */
export function readObject(value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TesseraError('BAD_REQUEST', { reason: 'the body must be a JSON object' });
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new TesseraError('BAD_REQUEST', { reason: `unknown properties: ${unknown.slice(0, 5).join(', ').slice(0, 200)}` });
  return value as Record<string, unknown>;
}
