import { describe, expect, it } from 'vitest';
import { normaliseForIndex } from './normalise-personal.js';

describe('normaliseForIndex', () => {
  it.each([
    ['email', '  Zhang.San@Example.COM ', 'zhang.san@example.com'],
    ['phone', '+8613812345678', '+8613812345678'],
    ['phone', ' +86 138', ' +86 138'],
    ['text', '  张三丰 ', '张三丰'],
    ['text', 'Zhang \t\n San', 'Zhang San'],
    ['text', 'ＺＨＡＮＧ　ｓａｎ', 'ZHANG san'],
    ['text', 'Cafe\u0301', 'Café'],
    ['long_text', '北京市  朝阳区\n建国路 1 号', '北京市 朝阳区 建国路 1 号'],
    ['url', ' https://weibo.com/u/1 ', 'https://weibo.com/u/1'],
  ])('%s %j → %j', (kind, value, expected) => {
    expect(normaliseForIndex(kind, value)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const kind of ['email', 'phone', 'text']) {
      for (const value of ['  A  b ', 'ＡＢ', '+8613812345678', 'X@Y.z']) {
        expect(normaliseForIndex(kind, normaliseForIndex(kind, value))).toBe(normaliseForIndex(kind, value));
      }
    }
  });
});
