import { afterEach, describe, expect, it, vi } from 'vitest';
import { lineColumnOf, parseJson } from './parse-json.js';

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it('locates a syntax error by line and column', () => {
    const text = '{\n  "a": 1,\n  "b": 2\n  "c": 3\n}';
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect({ line: parsed.error.line, column: parsed.error.column }).toEqual({ line: 4, column: 3 });
    expect(text[parsed.error.offset]).toBe('"');
    expect(parsed.error.detail).not.toBe('');
  });

  it('puts an unfinished document\'s error at its end, an empty one at 1:1', () => {
    const parsed = parseJson('{"a": [1,');
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ offset: 9, line: 1, column: 10 });
    const empty = parseJson('');
    expect(empty.ok ? undefined : empty.error).toMatchObject({ offset: 0, line: 1, column: 1 });
  });
});

describe('parseJson in other browsers', () => {
  afterEach(() => { vi.restoreAllMocks(); });
  const failWith = (message: string) => vi.spyOn(JSON, 'parse').mockImplementation(() => { throw new SyntaxError(message); });

  it('reads Firefox\'s line and column', () => {
    failWith('JSON.parse: expected \',\' or \'}\' after property value in object at line 2 column 3 of the JSON data');
    const parsed = parseJson('{"a": 1\n  "b": 2}');
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ offset: 10, line: 2, column: 3 });
  });

  it('finds the place with the JSON grammar when the message names none (Safari)', () => {
    failWith('JSON Parse error: Expected \'}\'');
    const parsed = parseJson('{"a": 1 "b": 2}');
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ line: 1, column: 9 });
  });
});

describe('lineColumnOf', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumnOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnOf('ab\ncd', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnOf('ab\ncd', 5)).toEqual({ line: 2, column: 3 });
  });
});
