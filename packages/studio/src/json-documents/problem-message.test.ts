import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.js';
import { problemMessage } from './problem-message.js';
import type { SchemaProblem } from './schema-problems.js';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { [lng]: { translation: messages[lng] } }, interpolation: { escapeValue: false }, nsSeparator: false });
  return instance.t;
}

const problem = (keyword: string, params: Record<string, unknown> = {}): SchemaProblem => ({ pointer: '/x', mark: 'value', keyword, params });
const every: SchemaProblem[] = [
  problem('required', { missingProperty: 'label' }), problem('additionalProperties', { additionalProperty: 'colour' }),
  problem('enum', { allowedValues: ['asc', 'desc'] }), problem('const', { allowedValue: 'kanban' }), problem('type', { type: 'object' }),
  problem('type', { type: ['string', 'null'] }), problem('pattern', { pattern: '^[a-z][a-z0-9_]{0,62}$' }), problem('pattern', { pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
  problem('pattern', { pattern: '^#[0-9a-fA-F]{6}$' }), ...['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'].map((keyword) => problem(keyword, { limit: 3 })),
  problem('uniqueItems', { i: 4, j: 1 }), problem('anyOf'), problem('dependentRequired'),
];

describe('problemMessage', () => {
  it.each(['zh-CN', 'en'] as const)('has a message for every problem in %s, never a bare key', async (lng) => {
    const t = await translator(lng);
    for (const entry of every) expect(problemMessage(entry, t)).not.toMatch(/views\./);
  });

  it('says which property, which values and which type, in Chinese first', async () => {
    const t = await translator('zh-CN');
    expect(problemMessage(every[0]!, t)).toBe('缺少必填属性“label”');
    expect(problemMessage(every[2]!, t)).toBe('应为以下值之一："asc", "desc"');
    expect(problemMessage(every[5]!, t)).toBe('应为字符串 / null');
    expect(problemMessage(every[6]!, t)).toBe('只能由小写字母、数字和下划线组成，以字母开头，最多 63 个字符');
    expect(problemMessage(problem('uniqueItems', { i: 4, j: 1 }), t)).toBe('第 2 项与第 5 项重复');
  });

  it('speaks English when asked', async () => {
    const t = await translator('en');
    expect(problemMessage(every[1]!, t)).toBe('Property “colour” is not allowed here');
    expect(problemMessage(every[4]!, t)).toBe('Must be an object');
  });
});
