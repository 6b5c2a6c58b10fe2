import { TesseraError } from '../errors/index.js';

/** A global search request: the text (trimmed) and the most records answered per object. */
export interface SearchQuery {
  text: string;
  limit: number;
}

/** Longest search text, in characters after trimming. */
export const maxSearchText = 100;
/** Most records answered per object. */
export const maxSearchLimit = 20;
const defaultLimit = 5;

function invalid(reason: string): never {
  throw new TesseraError('INVALID_QUERY', { reason });
}

/** Parses `q` and `limit` (and nothing else) of a global search; anything malformed is 400 INVALID_QUERY. */
export function parseSearchQuery(params: Record<string, unknown>): SearchQuery {
  for (const key of Object.keys(params)) if (key !== 'q' && key !== 'limit') invalid(`unknown parameter "${key.slice(0, 64)}"`);
  const text = typeof params.q === 'string' ? params.q.trim() : '';
  if (text.length === 0 || [...text].length > maxSearchText) invalid(`q must be a text of 1 to ${maxSearchText} characters`);
  // PostgreSQL texts cannot hold NUL: refused here rather than failing in the database.
  if (text.includes('\u0000')) invalid('q must not hold a NUL character');
  const { limit } = params;
  if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,2}$/.test(limit) || Number(limit) < 1 || Number(limit) > maxSearchLimit)) {
    invalid(`limit must be an integer from 1 to ${maxSearchLimit}`);
  }
  return { text, limit: limit === undefined ? defaultLimit : Number(limit) };
}
