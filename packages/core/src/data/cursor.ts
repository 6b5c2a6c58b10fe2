import { TesseraError } from '../errors/index.js';
import type { SortKey } from './list-query.js';

/** Encodes the sort values of the last row of a page (the id breaks ties). */
export function encodeCursor(sort: SortKey[], values: unknown[]): string {
  return Buffer.from(JSON.stringify({ s: sort.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.field}`).join(','), v: values })).toString('base64url');
}

/** Decodes a cursor made for the same sort; anything else is a client error. */
export function decodeCursor(cursor: string, sort: SortKey[]): unknown[] {
  const expected = sort.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.field}`).join(',');
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown };
    if (parsed.s === expected && Array.isArray(parsed.v) && parsed.v.length === sort.length + 1) {
      if (parsed.v.every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))) return parsed.v;
    }
  } catch {
    // fall through to the error below
  }
  throw new TesseraError('INVALID_QUERY', { reason: 'the cursor is invalid or was made for another sort' });
}

/**
 * The WHERE clause of "rows after the cursor" for any mix of directions, with NULLs sorting last
 * in both directions: for each key, all earlier keys equal and this key strictly after.
 */
export function afterCursorSql(columns: string[], directions: SortKey['direction'][], values: unknown[]): { sql: string; bindings: unknown[] } {
  const alternatives: string[] = [];
  const bindings: unknown[] = [];
  columns.forEach((column, index) => {
    const value = values[index];
    if (value === null || value === undefined) return;
    const parts: string[] = [];
    for (let earlier = 0; earlier < index; earlier += 1) {
      const previous = values[earlier];
      if (previous === null || previous === undefined) parts.push(`${columns[earlier]} IS NULL`);
      else { parts.push(`${columns[earlier]} = ?`); bindings.push(previous); }
    }
    parts.push(`(${column} ${directions[index] === 'desc' ? '<' : '>'} ? OR ${column} IS NULL)`);
    bindings.push(value);
    alternatives.push(`(${parts.join(' AND ')})`);
  });
  return { sql: alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : 'FALSE', bindings };
}
