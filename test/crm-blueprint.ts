import type { Blueprint } from '../packages/core/src/index.js';
import { field, label } from '../packages/core/test/fixtures.js';

/**
 * A small CRM for the access suites: customers (with personal phone and email, a region, a
 * credit limit some roles must not see) and their orders.
 */
export function crmBlueprint(): Blueprint {
  return {
    label: label('crm'),
    objects: [
      {
        id: 'customer', name: 'customer', label: label('customer'), titleField: 'name',
        fields: [
          field('name', 'text', { required: true, maxLength: 80 }),
          field('phone', 'phone', { personal: true, unique: true }),
          field('email', 'email', { personal: true }),
          field('region', 'text', { maxLength: 20 }),
          field('credit_limit', 'money', { currency: 'CNY' }),
          field('notes', 'long_text'),
          field('orders', 'relation', { relation: { kind: 'one_to_many', target: 'order', inverse: 'customer' } }),
        ],
      },
      {
        id: 'order', name: 'order', label: label('order'), titleField: 'number',
        fields: [
          field('number', 'text', { required: true, unique: true, maxLength: 20 }),
          field('customer', 'relation', { relation: { kind: 'many_to_one', target: 'customer' } }),
          field('amount', 'money', { currency: 'CNY' }),
          field('region', 'text', { maxLength: 20 }),
        ],
      },
    ],
  };
}

/**
 * A custom role: east-region staff who read and update their region's customers (never their
 * credit limit, notes read-only) and read their region's orders.
 */
export const regionalRole = {
  name: 'regional',
  label: { 'zh-CN': '区域专员', en: 'Regional' },
  objects: {
    customer: {
      actions: ['read', 'update', 'export'],
      fields: { '*': 'write', credit_limit: 'none', notes: 'read' },
      rows: { field: 'region', op: 'in', value: '$user.regions' },
    },
    order: { actions: ['read'], fields: { '*': 'read' }, rows: { field: 'region', op: 'in', value: '$user.regions' } },
  },
};
