import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, nextPage, pageNumber, previousPage, rowRange } from './cursor-paging.js';

describe('cursor paging', () => {
  it('pushes the next cursor going forward and pops it going back', () => {
    const third = nextPage(nextPage(firstPage, 'c2'), 'c3');
    expect(pageNumber(third)).toBe(3);
    expect(currentCursor(third)).toBe('c3');
    const second = previousPage(third);
    expect(currentCursor(second)).toBe('c2');
    expect(currentCursor(previousPage(second))).toBeUndefined();
    expect(previousPage(firstPage)).toEqual(firstPage);
  });

  it('counts the rows shown from the pages before', () => {
    expect(rowRange(firstPage, 50, 50)).toEqual({ from: 1, to: 50 });
    expect(rowRange(nextPage(nextPage(firstPage, 'a'), 'b'), 50, 7)).toEqual({ from: 101, to: 107 });
    expect(rowRange(firstPage, 50, 0)).toBeUndefined();
  });
});
