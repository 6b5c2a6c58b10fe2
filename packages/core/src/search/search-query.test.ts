import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.js';

describe('parseSearchQuery', () => {
  it('trims the text and defaults the limit to 5', () => {
    expect(parseSearchQuery({ q: '  张三 ' })).toEqual({ text: '张三', limit: 5 });
    expect(parseSearchQuery({ q: 'a', limit: '20' })).toEqual({ text: 'a', limit: 20 });
  });

  it('counts characters, not UTF-16 units: 100 emoji pass, 101 do not', () => {
    expect(parseSearchQuery({ q: '😀'.repeat(100) }).text).toHaveLength(200);
    expect(() => parseSearchQuery({ q: '😀'.repeat(101) })).toThrow('q must be a text of 1 to 100 characters');
  });

  it('refuses blank, repeated or NUL-holding texts, bad limits and unknown parameters', () => {
    for (const params of [{}, { q: ' ' }, { q: ['a', 'b'] }, { q: 5 }]) expect(() => parseSearchQuery(params)).toThrow('q must be a text of 1 to 100 characters');
    expect(() => parseSearchQuery({ q: 'a\u0000b' })).toThrow('NUL');
    for (const limit of ['0', '21', '1.5', ['1'], '-1']) expect(() => parseSearchQuery({ q: 'a', limit })).toThrow('limit must be an integer from 1 to 20');
    expect(() => parseSearchQuery({ q: 'a', filter: '{}' })).toThrow('unknown parameter "filter"');
  });
});
