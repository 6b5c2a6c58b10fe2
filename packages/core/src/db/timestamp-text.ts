import pg from 'pg';

/** The OID of timestamptz. */
export const timestamptzOid = 1184;

// What a UTC session prints: 'YYYY-MM-DD HH:MM:SS[.ffffff]+00'.
const utcText = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;
const parseTimestamp = pg.types.getTypeParser(timestamptzOid, 'text') as (text: string) => Date | number;

/**
 * Reads a timestamptz as the API writes it, ISO 8601 UTC to the millisecond
 * ('2026-01-02T03:04:05.678Z'), straight from PostgreSQL's text: sessions run in UTC (see
 * openDatabase), so this is a string rewrite, several times cheaper than a Date and back on every
 * row. Anything else (another offset, BC years, infinity) goes through node-postgres's parser.
 */
export function timestampToIso(text: string): string {
  const match = utcText.exec(text);
  if (match) return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  const parsed = parseTimestamp(text);
  return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : text;
}
