import i18next, { type TFunction } from 'i18next';
import type { Blueprint } from '../api/documents.js';
import type { Locale } from '../i18n/locales.js';
import { messages } from '../i18n/messages.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A small CRM for the build area's tests: customers and their orders, with views and a form naming their fields. */
export function buildFixture(): Blueprint {
  return {
    label: label('测试', 'Test'),
    objects: [
      {
        id: 'customers', name: 'customers', label: label('客户', 'Customers'), titleField: 'name',
        indexes: [{ fields: ['city', '-notes'] }, { fields: ['name'] }],
        fields: [
          { id: 'name', name: 'name', type: 'text', label: label('名称', 'Name'), required: true },
          { id: 'notes', name: 'notes', type: 'text', label: label('备注', 'Notes'), maxLength: 200 },
          { id: 'city', name: 'city', type: 'text', label: label('城市', 'City') },
          { id: 'tier', name: 'tier', type: 'single_select', label: label('等级', 'Tier'), options: [{ value: 'gold', label: label('金牌', 'Gold') }] },
          { id: 'orders', name: 'orders', type: 'relation', label: label('订单', 'Orders'), relation: { kind: 'one_to_many', target: 'orders', inverse: 'customer' } },
        ],
      },
      {
        id: 'orders', name: 'orders', label: label('订单', 'Orders'),
        fields: [
          { id: 'customer', name: 'customer', type: 'relation', label: label('客户', 'Customer'), relation: { kind: 'many_to_one', target: 'customers' } },
          { id: 'total', name: 'total', type: 'money', label: label('金额', 'Total'), currency: 'CNY' },
        ],
      },
    ],
    views: [
      { id: 'all', name: 'all_customers', object: 'customers', label: label('全部客户', 'All customers'), columns: [{ field: 'name' }, { field: 'notes' }], sort: [{ field: 'notes' }], filter: { and: [{ field: 'notes', op: 'contains', value: 'x' }, { field: 'city', op: 'eq', value: '上海' }] } },
      { id: 'notes_only', name: 'notes_only', object: 'customers', label: label('备注', 'Notes'), columns: [{ field: 'notes' }] },
      { id: 'board', name: 'tier_board', object: 'customers', label: label('看板', 'Board'), type: 'kanban', groupBy: 'tier', columns: [{ field: 'name' }] },
      { id: 'shanghai', name: 'shanghai_orders', object: 'orders', label: label('上海订单', 'Shanghai orders'), columns: [{ field: 'total' }], filter: { field: 'customer.city', op: 'eq', value: '上海' } },
    ],
    forms: [
      {
        id: 'customers', object: 'customers',
        sections: [
          { id: 'main', title: label('基本', 'Main'), fields: [{ field: 'name' }, { field: 'notes', visibleWhen: { field: 'city', op: 'is_null' } }] },
          { id: 'more', title: label('更多', 'More'), visibleWhen: { field: 'notes', op: 'is_null' }, fields: [{ field: 'notes' }] },
        ],
      },
      { id: 'orders', object: 'orders', sections: [{ id: 'main', title: label('基本', 'Main'), fields: [{ field: 'customer' }, { field: 'total' }] }] },
    ],
  };
}

/** The studio's own messages in one language, for tests of texts. */
export async function testT(locale: Locale): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { 'zh-CN': { translation: messages['zh-CN'] }, en: { translation: messages.en } },
    lng: locale, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, nsSeparator: false,
  });
  return instance.t;
}
