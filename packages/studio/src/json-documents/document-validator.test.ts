import { describe, expect, it } from 'vitest';
import { validateDocument } from './document-validator.js';

const view = (extra: Record<string, unknown>) => ({ id: 'open_orders', name: 'open_orders', object: 'orders', label: { 'zh-CN': '未完成订单', en: 'Open orders' }, columns: [{ field: 'order_no' }], ...extra });
const problems = (value: unknown) => validateDocument('view', value).map(({ pointer, mark, keyword, params }) => ({ pointer, mark, keyword, params }));

describe('validateDocument', () => {
  it('accepts a valid view, a kanban with its groupBy and a nested filter', () => {
    expect(problems(view({}))).toEqual([]);
    expect(problems(view({ type: 'kanban', groupBy: 'status', filter: { and: [{ field: 'status', op: 'ne', value: 'done' }, { not: { field: 'amount', op: 'is_null' } }] } }))).toEqual([]);
  });

  it('applies the schema\'s if/then: a kanban needs groupBy (reported once, without the "if")', () => {
    expect(problems(view({ type: 'kanban' }))).toEqual([{ pointer: '', mark: 'value', keyword: 'required', params: { missingProperty: 'groupBy' } }]);
  });

  it('points an unknown property at its name', () => {
    expect(problems(view({ colour: 'red' }))).toEqual([{ pointer: '/colour', mark: 'key', keyword: 'additionalProperties', params: { additionalProperty: 'colour' } }]);
  });

  it('reports a wrong operator in a filter condition, not the shapes of the other filter forms', () => {
    expect(problems(view({ filter: { field: 'status', op: 'equals' } }))).toEqual([
      { pointer: '/filter/op', mark: 'value', keyword: 'enum', params: { allowedValues: expect.arrayContaining(['eq', 'between']) } },
    ]);
    expect(problems(view({ filter: { or: [{ field: 'a', op: 'eq' }, { and: [{ field: 'b', op: 'like' }] }] } })).map((problem) => problem.pointer)).toEqual(['/filter/or/1/and/0/op']);
  });

  it('names the missing part of the form that fits best', () => {
    expect(problems(view({ filter: { field: 'status' } }))).toEqual([{ pointer: '/filter', mark: 'value', keyword: 'required', params: { missingProperty: 'op' } }]);
  });

  it('says once that a value fits no form when no form stands out', () => {
    expect(problems(view({ filter: {} }))).toEqual([{ pointer: '/filter', mark: 'value', keyword: 'anyOf', params: {} }]);
    expect(problems(view({ filter: 5 }))).toEqual([{ pointer: '/filter', mark: 'value', keyword: 'type', params: { type: 'object' } }]);
  });

  it('validates each kind against its own schema', () => {
    expect(validateDocument('object', { id: 'a', name: 'a', label: { 'zh-CN': '甲', en: 'A' }, fields: [] })).toEqual([]);
    expect(validateDocument('form', { id: 'f', object: 'a', sections: [] }).map((problem) => [problem.pointer, problem.keyword])).toEqual([['/sections', 'minItems']]);
    expect(validateDocument('blueprint', { objects: [] }).map((problem) => [problem.pointer, problem.keyword])).toEqual([['', 'required']]);
  });
});
