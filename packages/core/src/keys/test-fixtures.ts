import type { Blueprint } from '../documents/index.js';
import { field, label } from '../../test/fixtures.js';

/** Customers with an encrypted phone and email (both personal), and orders that point at them. */
export function encryptedBlueprint(options: { encrypted?: boolean } = {}): Blueprint {
  const encrypted = options.encrypted ?? true;
  return {
    label: label('crm'),
    objects: [
      {
        id: 'obj_customers', name: 'customers', label: label('customers'), titleField: 'name',
        fields: [
          field('name', 'text', { required: true, maxLength: 80 }),
          field('code', 'text', { unique: true, maxLength: 20 }),
          { ...field('phone', 'phone', { personal: true }), id: 'fld_phone', ...(encrypted ? { encrypted: true } : {}) },
          { ...field('email', 'email', { personal: true }), id: 'fld_email', ...(encrypted ? { encrypted: true } : {}) },
          field('notes', 'long_text'),
        ],
      },
      {
        id: 'obj_orders', name: 'orders', label: label('orders'),
        fields: [
          field('title', 'text', { required: true }),
          field('customer', 'relation', { relation: { kind: 'many_to_one', target: 'customers' } }),
        ],
      },
    ],
  };
}

/** A mainland mobile number in E.164, distinct per index. */
export function phoneNumber(index: number): string {
  return `+86138${String(index).padStart(8, '0')}`;
}
