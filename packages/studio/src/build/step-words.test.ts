import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../api/blueprint.js';
import type { Field } from '../api/documents.js';
import { namesIn } from './blueprint-names.js';
import { buildFixture, testT } from './build-fixtures.js';
import { stepText } from './step-words.js';

const phone: Field = { id: 'phone', name: 'phone', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' } };
const notes = buildFixture().objects[0]!.fields[1]!;
const base = { object: 'customers', objectId: 'customers' };

describe('plan steps in words', () => {
  const names = namesIn([buildFixture()], 'zh-CN');

  it('names fields and objects by their labels in Chinese', async () => {
    const t = await testT('zh-CN');
    expect(stepText({ ...base, class: 'safe', kind: 'add_field', field: 'phone', after: phone }, t, names, 'zh-CN')).toBe('在「客户」中新增字段「手机」');
    expect(stepText({ ...base, class: 'destructive', kind: 'archive_field', field: 'notes', before: notes }, t, names, 'zh-CN')).toBe('将「客户」的字段「备注」归档（数据保留，可恢复）');
    expect(stepText({ ...base, class: 'safe', kind: 'rename_field', field: 'city', from: 'city', to: 'town' }, t, names, 'zh-CN')).toBe('将「客户」的字段「城市」的 API 名称由 city 改为 town');
  });

  it('says what an altered field changes', async () => {
    const t = await testT('zh-CN');
    const step: PlanStep = { ...base, class: 'checked', kind: 'alter_field', field: 'notes', before: notes, after: { ...notes, maxLength: 100, required: true }, checks: [] };
    expect(stepText(step, t, names, 'zh-CN')).toBe('修改「客户」的字段「备注」：设为必填；最大长度 200 → 100');
    const reordered: PlanStep = { ...step, after: { ...notes, label: { en: 'Notes', 'zh-CN': '备注' } } };
    expect(stepText(reordered, t, names, 'zh-CN')).toBe('修改「客户」的字段「备注」');
    const retyped: PlanStep = { ...step, after: { ...notes, type: 'long_text' } };
    expect(stepText(retyped, t, names, 'zh-CN')).toBe('修改「客户」的字段「备注」：类型由「文本」改为「长文本」');
  });

  it('speaks English with English labels', async () => {
    const t = await testT('en');
    const english = namesIn([buildFixture()], 'en');
    expect(stepText({ ...base, class: 'safe', kind: 'create_index', field: 'city', unique: true } as PlanStep, t, english, 'en')).toBe('Create a unique index on the field “City” of “Customers”');
    expect(stepText({ ...base, class: 'destructive', kind: 'archive_object', definition: buildFixture().objects[0]! }, t, english, 'en')).toBe('Archive the object “Customers” (its data is kept and can be restored)');
    expect(stepText({ ...base, class: 'safe', kind: 'encrypt_field', field: 'notes', after: notes, rows: 12 }, t, english, 'en')).toBe('Encrypt the 12 existing values of the field “Notes” of “Customers”');
  });

  it('falls back to API names and the kind for what it does not know', async () => {
    const t = await testT('zh-CN');
    expect(stepText({ ...base, class: 'safe', kind: 'drop_foreign_key' }, t, names, 'zh-CN')).toBe('移除「客户」的一个外键约束');
    expect(stepText({ object: 'leads', objectId: 'leads', class: 'safe', kind: 'vacuum_table' }, t, names, 'zh-CN')).toBe('「leads」：vacuum_table');
  });
});
