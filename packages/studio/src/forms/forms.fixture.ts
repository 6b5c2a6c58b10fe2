import type { Form } from '../api/documents.js';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { actions } from '../api/types.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Test fixture: one field of the customers object. */
function field(name: string, type: ModelField['type'], extra: Partial<ModelField> = {}): ModelField {
  return { name, type, label: label(`${name}（中文）`, name), access: 'write', personal: false, ...extra };
}

/** Test fixture: a customers object with a field of every kind the form compiles. */
export const customers: ModelObject = {
  name: 'customers', label: label('客户', 'Customers'), titleField: 'name', actions: [...actions],
  fields: [
    field('code', 'autonumber', { access: 'read', autonumber: { pattern: 'C{000000}' } }),
    field('name', 'text', { required: true, maxLength: 100, help: label('全名', 'Full name') }),
    field('phone', 'phone', { personal: true }),
    field('email', 'email', { pattern: '^.+@.+$' }),
    field('website', 'url'),
    field('notes', 'long_text'),
    field('age', 'integer', { min: 0, max: 150 }),
    field('spent', 'money', { currency: 'CNY' }),
    field('rate', 'percent'),
    field('vip', 'boolean'),
    field('birthday', 'date'),
    field('seen_at', 'datetime'),
    field('level', 'single_select', { options: [{ value: 'gold', label: label('金卡', 'Gold') }, { value: 'silver', label: label('银卡', 'Silver') }] }),
    field('channels', 'multi_select', { options: [{ value: 'wechat', label: label('微信', 'WeChat') }] }),
    field('profile', 'json'),
    field('organization', 'relation', { relation: { kind: 'many_to_one', target: 'organizations' } }),
    field('tags', 'relation', { relation: { kind: 'many_to_many', target: 'tags' } }),
    field('orders', 'relation', { relation: { kind: 'one_to_many', target: 'orders', inverse: 'customer' } }),
    field('score', 'computed', { access: 'read', computed: { resultType: 'decimal' } }),
    field('region', 'text', { access: 'read' }),
  ],
};

/** Test fixture: the target of customers.organization. */
export const organizations: ModelObject = {
  name: 'organizations', label: label('企业', 'Organizations'), actions: [...actions],
  fields: [field('city', 'text'), field('title', 'text')],
};

/** Test fixture: a designed form of customers with two sections and conditions. */
export const customerForm: Form = {
  id: 'customers', object: 'customers',
  sections: [
    {
      id: 'basic', title: label('基本信息', 'Basics'), columns: 3,
      fields: [
        { field: 'name', span: 2, placeholder: label('请输入姓名', 'Type the name') },
        { field: 'level', widget: 'radio' },
        { field: 'age', widget: 'checkbox', readOnlyWhen: { field: 'vip', op: 'eq', value: true } },
        { field: 'vip' },
        { field: 'notes', span: 9, help: label('内部备注', 'Internal notes') },
        { field: 'email', requiredWhen: { field: 'level', op: 'eq', value: 'gold' } },
        { field: 'missing_field' },
      ],
    },
    {
      id: 'vip', title: label('会员', 'Membership'), columns: 2, collapsed: true, visibleWhen: { field: 'vip', op: 'eq', value: true },
      fields: [{ field: 'spent', readOnly: true }, { field: 'code', requiredWhen: { field: 'vip', op: 'eq', value: true } }, { field: 'tags', visibleWhen: { field: 'level', op: 'is_null', value: false } }],
    },
    { id: 'hidden', title: label('无权查看', 'Not visible'), fields: [{ field: 'secret' }] },
  ],
};
