import { describe, expect, it } from 'vitest';
import { customer360Layout } from './customer-360-layout.js';
import { retailModel } from './retail-model.fixture.js';

const names = (fields: { name: string }[]) => fields.map((field) => field.name);

describe('customer360Layout', () => {
  it('lays out the retail customers object with every block', () => {
    const layout = customer360Layout(retailModel(), 'customers')!;
    expect(names(layout.profile)).toEqual(['name', 'code', 'member_level', 'gender', 'birthday', 'phone', 'email', 'source_channel', 'consent_marketing']);
    expect(names(layout.figures)).toEqual(['total_spent', 'orders_count', 'points_balance', 'last_order_at']);
    expect(layout.identities.map((identity) => [identity.field.name, identity.channel])).toEqual([
      ['taobao_open_uid', 'taobao'], ['jd_open_id', 'jd'], ['wechat_union_id', 'wechat'],
    ]);
    expect(layout.include).toEqual(['member_level', 'tags']);
    expect(layout.tags?.object.name).toBe('tags');
    expect(layout.blocks.map((block) => [block.kind, block.object.name, block.field.name, block.sort, block.display])).toEqual([
      ['orders', 'orders', 'customer', '-ordered_at', 'table'],
      ['interactions', 'interactions', 'customer', '-occurred_at', 'timeline'],
      ['tasks', 'tasks', 'customer', 'due_at', 'table'],
      ['points', 'points_ledger', 'customer', '-occurred_at', 'table'],
      ['coupons', 'coupons', 'customer', '-issued_at', 'table'],
    ]);
    expect(names(layout.blocks[0]!.columns)).toEqual(['order_no', 'channel', 'status', 'amount', 'ordered_at']);
    expect(layout.blocks[2]!.filter).toEqual({ and: [{ field: 'status', op: 'nin', value: ['done', 'cancelled'] }, { field: 'done', op: 'ne', value: true }] });
  });

  it('drops the parts the caller cannot see', () => {
    const model = retailModel(['orders', 'member_levels', 'tags', 'coupons']);
    const customers = model.objects.find((object) => object.name === 'customers')!;
    customers.fields = customers.fields.filter((field) => !['phone', 'jd_open_id', 'total_spent'].includes(field.name));
    const tasks = model.objects.find((object) => object.name === 'tasks')!;
    tasks.fields = tasks.fields.filter((field) => field.name !== 'done');
    const layout = customer360Layout(model, 'customers')!;
    expect(layout.blocks.map((block) => block.kind)).toEqual(['interactions', 'tasks', 'points']);
    expect(layout.blocks[1]!.filter).toEqual({ field: 'status', op: 'nin', value: ['done', 'cancelled'] });
    expect(layout.tags).toBeUndefined();
    // The level stays in the profile (its id) but is not included: the caller cannot read member_levels.
    expect(layout.include).toEqual([]);
    expect(names(layout.profile)).not.toContain('phone');
    expect(names(layout.figures)).toEqual(['orders_count', 'points_balance', 'last_order_at']);
    expect(layout.identities.map((identity) => identity.channel)).toEqual(['taobao', 'wechat']);
  });

  it('leaves a block without sort when its date field is hidden', () => {
    const model = retailModel();
    const orders = model.objects.find((object) => object.name === 'orders')!;
    orders.fields = orders.fields.filter((field) => field.name !== 'ordered_at');
    expect(customer360Layout(model, 'customers')!.blocks[0]!.sort).toBeUndefined();
  });

  it('is the generic page for other objects and for customers with nothing related', () => {
    expect(customer360Layout(retailModel(), 'organizations')).toBeUndefined();
    expect(customer360Layout(retailModel(['orders', 'points_ledger', 'coupons', 'interactions', 'tasks', 'tags']), 'customers')).toBeUndefined();
    expect(customer360Layout(retailModel(['customers']), 'customers')).toBeUndefined();
  });
});
