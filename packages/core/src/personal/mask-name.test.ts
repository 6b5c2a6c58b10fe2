import { describe, expect, it } from 'vitest';
import { maskName } from './mask-name.js';

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['张', '*'],
    ['𠮷野家', '𠮷**'],
    ['阿沛·阿旺晋美', '阿******'],
    [' 张三 ', '张*'],
    ['Zhang San', 'Z*** S***'],
    ['john', 'j***'],
    ["Seán O'Brien-Murphy", 'S*** O***'],
    ['J. R. R.  Tolkien', 'J*** R*** R*** T***'],
    ['Ærøskøbing', 'Æ***'],
  ])('%s → %s', (name, expected) => {
    expect(maskName(name)).toBe(expected);
  });

  it.each(['', '   ', '张三 Zhang', 'user_01', '-Dash', 'Иван Петров', '12345'])('does not take %j for a name', (value) => {
    expect(maskName(value)).toBeUndefined();
  });
});
