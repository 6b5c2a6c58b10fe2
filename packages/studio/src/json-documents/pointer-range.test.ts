import { jsonLanguage } from '@codemirror/lang-json';
import { describe, expect, it } from 'vitest';
import { pointerRange } from './pointer-range.js';

const text = `{
  "name": "open_orders",
  "columns": [{ "field": "order_no", "width": 120 }, { "field": "amount" }],
  "a/b": { "~x": true },
  "label": {}
}`;
const tree = jsonLanguage.parser.parse(text);
const at = (pointer: string, mark: 'key' | 'value' = 'value') => {
  const range = pointerRange(tree, text, pointer, mark);
  return range && text.slice(range.from, range.to);
};

describe('pointerRange', () => {
  it('finds scalar values through objects and arrays', () => {
    expect(at('/name')).toBe('"open_orders"');
    expect(at('/columns/0/width')).toBe('120');
    expect(at('/columns/1/field')).toBe('"amount"');
  });

  it('marks a property name when asked, and a container by its name or its opening bracket', () => {
    expect(at('/name', 'key')).toBe('"name"');
    expect(at('/columns')).toBe('"columns"');
    expect(at('/columns/1')).toBe('{');
    expect(at('')).toBe('{');
  });

  it('decodes escaped pointer segments', () => {
    expect(at('/a~1b/~0x')).toBe('true');
  });

  it('lands on the deepest existing place for a pointer past the text', () => {
    expect(at('/label/en')).toBe('"label"');
    expect(at('/columns/5/field')).toBe('"columns"');
    expect(at('/missing')).toBe('{');
  });

  it('marks the name of a property written without its value yet', () => {
    const partial = '{ "type": }';
    const range = pointerRange(jsonLanguage.parser.parse(partial), partial, '/type', 'value');
    expect(range && partial.slice(range.from, range.to)).toBe('"type"');
  });

  it('finds nothing in an empty text', () => {
    expect(pointerRange(jsonLanguage.parser.parse(''), '', '/a', 'value')).toBeUndefined();
  });
});
