import type { ModelField, ModelObject } from '../api/workspace-model.js';

const field = (name: string, type: ModelField['type'], extra: Partial<ModelField> = {}): ModelField => ({
  name, type, label: { 'zh-CN': name, en: name }, access: 'write', personal: false, ...extra,
});

/** A customers object for the unit tests of the list: every kind of column a list meets. */
export const customersFixture: ModelObject = {
  name: 'customers',
  label: { 'zh-CN': '客户', en: 'Customers' },
  titleField: 'name',
  actions: ['read', 'create', 'update', 'delete', 'export'],
  fields: [
    field('code', 'autonumber', { access: 'read' }),
    field('name', 'text'),
    field('gender', 'single_select', { options: [{ value: 'male', label: { 'zh-CN': '男', en: 'Male' } }, { value: 'female', label: { 'zh-CN': '女', en: 'Female' } }] }),
    field('phone', 'phone', { personal: true, encrypted: true }),
    field('total_spent', 'money', { currency: 'CNY' }),
    field('points_balance', 'integer'),
    field('interests', 'multi_select', { options: [{ value: 'tea', label: { 'zh-CN': '茶', en: 'Tea' } }] }),
    field('member_level', 'relation', { relation: { kind: 'many_to_one', target: 'member_levels' } }),
    field('tags', 'relation', { relation: { kind: 'many_to_many', target: 'tags' } }),
    field('orders', 'relation', { relation: { kind: 'one_to_many', target: 'orders', inverse: 'customer' } }),
    field('notes', 'long_text'),
  ],
};
