import { describe, expect, it } from 'vitest';
import { messages, type MessageTree as Tree } from './messages.js';

const en = messages.en;
const zhCN = messages['zh-CN'];

/** Every key of a message tree, plural suffixes folded ("total_one" and "total_other" are "total"). */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key.replace(/_(one|other)$/, '')}`] : keys(value, `${prefix}${key}.`)));
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));
}

describe('studio messages', () => {
  it('zh-CN and en have the same keys', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zhCN))].sort());
  });

  it('no message is empty or carries markup', () => {
    for (const text of [...values(en), ...values(zhCN)]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/<[a-z/]/i);
    }
  });
});
