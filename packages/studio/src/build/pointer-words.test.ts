import { describe, expect, it } from 'vitest';
import { buildFixture, testT } from './build-fixtures.js';
import { pointerParts, pointerText } from './pointer-words.js';

describe('pointers in words', () => {
  it('names the object and field a pointer reaches', async () => {
    const t = await testT('zh-CN');
    expect(pointerText('/objects/0/fields/1/maxLength', buildFixture(), t, 'zh-CN')).toBe('对象「客户」 › 字段「备注」 › 最大长度');
    expect(pointerText('/objects/0/fields/3/options/0/label/en', buildFixture(), t, 'zh-CN')).toBe('对象「客户」 › 字段「等级」 › 第 1 个选项 › 标签 › 英文');
  });

  it('names views and forms (a form by its object)', async () => {
    const t = await testT('en');
    expect(pointerText('/views/3/filter/field', buildFixture(), t, 'en')).toBe('view “Shanghai orders” › filter › field');
    expect(pointerText('/forms/1/sections/0/fields/1/field', buildFixture(), t, 'en')).toBe('form “Orders” › section “Main” › field “Total” › field');
  });

  it('shows numbers for what the blueprint does not have, and the root for an empty pointer', async () => {
    const t = await testT('zh-CN');
    expect(pointerText('/objects/9/name', buildFixture(), t, 'zh-CN')).toBe('对象「#10」 › API 名称');
    expect(pointerText('', buildFixture(), t, 'zh-CN')).toBe('蓝图');
    expect(pointerParts('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });
});
