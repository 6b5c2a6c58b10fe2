/**
 * Where a keyset-paged list is: the cursors of the pages after the first, in order. The list API
 * only answers a next cursor, so going back pops the stack; page 1 needs no cursor.
 */
export interface CursorPaging { cursors: string[] }

/** The first page. */
export const firstPage: CursorPaging = { cursors: [] };

/** The cursor that asks for the current page (none on page 1). */
export function currentCursor(paging: CursorPaging): string | undefined {
  return paging.cursors.at(-1);
}

/** The current page's number, from 1. */
export function pageNumber(paging: CursorPaging): number {
  return paging.cursors.length + 1;
}

/** The page after the current one, reached with the current page's `next_cursor`. */
export function nextPage(paging: CursorPaging, cursor: string): CursorPaging {
  return { cursors: [...paging.cursors, cursor] };
}

/** The page before the current one (page 1 stays page 1). */
export function previousPage(paging: CursorPaging): CursorPaging {
  return { cursors: paging.cursors.slice(0, -1) };
}

/** The positions (from 1) of the rows shown, for "rows 51–100": empty pages show none. */
export function rowRange(paging: CursorPaging, pageSize: number, rowsShown: number): { from: number; to: number } | undefined {
  if (rowsShown === 0) return undefined;
  const from = paging.cursors.length * pageSize + 1;
  return { from, to: from + rowsShown - 1 };
}
