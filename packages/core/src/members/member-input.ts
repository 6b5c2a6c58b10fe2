import { TesseraError } from '../errors/index.js';

const maxItems = 50;
const label = /^[\p{L}\p{N}_.\- ]{1,64}$/u;

/** A list of team or region names from a request: at most 50 names of letters, digits, `_.- `. */
export function readLabels(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > maxItems || !value.every((item) => typeof item === 'string' && label.test(item))) {
    throw new TesseraError('BAD_REQUEST', { reason: `${name} must be a list of at most ${maxItems} names (letters, digits, _ . - and spaces, 1-64 characters)` });
  }
  return [...new Set(value as string[])];
}

/** A role name from a request. */
export function readRoleName(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(value)) throw new TesseraError('BAD_REQUEST', { reason: 'role must be the name of a role' });
  return value;
}
