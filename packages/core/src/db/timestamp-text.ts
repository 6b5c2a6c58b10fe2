import pg from 'pg';

/** The OID of timestamptz. */
export const timestamptzOid = 1184;

// What a UTC session prints: 'YYYY-MM-DD HH:MM:SS[.f…f]+00' (19 characters, up to 7 more, '+00').
const utcText = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?\+00$/;
const parseTimestamp = pg.types.getTypeParser(timestamptzOid, 'text') as (text: string) => Date | number;

/**
 * Reads a timestamptz as the API writes it, ISO 8601 UTC to the millisecond
 * ('2026-01-02T03:04:05.678Z'), straight from PostgreSQL's text: sessions run in UTC (see
 * openDatabase), so this is a string rewrite, several times cheaper than a Date and back on every
 * row. Anything else (another offset, BC years, infinity) goes through node-postgres's parser.
 */
export function timestampToIso(text: string): string {
  if (utcText.test(text)) {
    const fraction = text.length > 22 ? text.slice(20, Math.min(23, text.length - 3)).padEnd(3, '0') : '000';
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`;
  }
  const parsed = parseTimestamp(text);
  return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : text;
}
