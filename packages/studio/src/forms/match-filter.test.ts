import { describe, expect, it } from 'vitest';
import type { Filter } from '../api/documents.js';
import { matchFilter, type FieldTypes } from './match-filter.js';

const types: FieldTypes = {
  name: 'text', city: 'text', level: 'single_select', tags: 'multi_select', age: 'integer', spent: 'money',
  rate: 'percent', vip: 'boolean', birthday: 'date', seen_at: 'datetime', organization: 'relation',
};

const customer = {
  name: 'Li Lei', city: '杭州市', level: 'gold', tags: ['new', 'wechat'], age: 30, spent: '199.00', rate: 12.5,
  vip: true, birthday: '1995-06-01', seen_at: '2026-11-25T02:30:00.000Z', organization: { id: 'o1', name: 'Acme', city: '上海市' },
};
const empty = { name: null, tags: [], city: '', age: undefined };

const is = (filter: Filter, record: Record<string, unknown> = customer) => matchFilter(filter, record, types);

describe('matchFilter: each operator on a value and on an empty value', () => {
  it.each<[string, Filter, boolean, boolean]>([
    // [case, filter, on the customer, on the empty record]
    ['eq text', { field: 'city', op: 'eq', value: '杭州市' }, true, false],
    ['eq is case-sensitive', { field: 'name', op: 'eq', value: 'li lei' }, false, false],
    ['eq option', { field: 'level', op: 'eq', value: 'gold' }, true, false],
    ['eq boolean', { field: 'vip', op: 'eq', value: true }, true, false],
    ['eq money string against a number', { field: 'spent', op: 'eq', value: 199 }, true, false],
    ['eq datetime in another offset', { field: 'seen_at', op: 'eq', value: '2026-11-25T10:30:00+08:00' }, true, false],
    ['ne different (an empty level differs too)', { field: 'level', op: 'ne', value: 'vip' }, true, true],
    ['ne same', { field: 'level', op: 'ne', value: 'gold' }, false, true],
    ['ne of an empty value is false only against an empty value', { field: 'name', op: 'ne', value: null }, true, false],
    ['lt number', { field: 'age', op: 'lt', value: 31 }, true, false],
    ['lt equal is false', { field: 'age', op: 'lt', value: 30 }, false, false],
    ['lte equal', { field: 'age', op: 'lte', value: 30 }, true, false],
    ['gt money numerically, not as text', { field: 'spent', op: 'gt', value: '99.5' }, true, false],
    ['gte percent', { field: 'rate', op: 'gte', value: 12.5 }, true, false],
    ['gt date', { field: 'birthday', op: 'gt', value: '1995-05-31' }, true, false],
    ['lt datetime as instants', { field: 'seen_at', op: 'lt', value: '2026-11-25T11:00:00+08:00' }, true, false],
    ['in', { field: 'level', op: 'in', value: ['silver', 'gold'] }, true, false],
    ['in, not there', { field: 'level', op: 'in', value: ['silver'] }, false, false],
    ['in a multi select shares an option', { field: 'tags', op: 'in', value: ['wechat', 'vip'] }, true, false],
    ['nin', { field: 'level', op: 'nin', value: ['silver'] }, true, true],
    ['nin, there', { field: 'level', op: 'nin', value: ['gold'] }, false, true],
    ['nin matches empty values', { field: 'tags', op: 'nin', value: ['vip'] }, true, true],
    ['contains ignores case', { field: 'name', op: 'contains', value: 'LEI' }, true, false],
    ['contains treats % and _ literally', { field: 'name', op: 'contains', value: 'L%' }, false, false],
    ['contains on a multi select is one option', { field: 'tags', op: 'contains', value: 'new' }, true, false],
    ['contains on a multi select is not a substring', { field: 'tags', op: 'contains', value: 'ne' }, false, false],
    ['starts_with ignores case', { field: 'name', op: 'starts_with', value: 'li' }, true, false],
    ['starts_with, elsewhere in the text', { field: 'name', op: 'starts_with', value: 'Lei' }, false, false],
    ['is_null', { field: 'city', op: 'is_null' }, false, true],
    ['is_null true', { field: 'tags', op: 'is_null', value: true }, false, true],
    ['is_null false: has a value', { field: 'tags', op: 'is_null', value: false }, true, false],
    ['between inclusive', { field: 'age', op: 'between', value: [30, 40] }, true, false],
    ['between outside', { field: 'age', op: 'between', value: [31, 40] }, false, false],
    ['between dates', { field: 'birthday', op: 'between', value: ['1995-01-01', '1995-12-31'] }, true, false],
  ])('%s', (_case, filter, onCustomer, onEmpty) => {
    expect(is(filter)).toBe(onCustomer);
    expect(is(filter, empty)).toBe(onEmpty);
  });
});

describe('matchFilter: combinations', () => {
  const gold: Filter = { field: 'level', op: 'eq', value: 'gold' };
  const young: Filter = { field: 'age', op: 'lt', value: 20 };

  it('and needs every part, or any part', () => {
    expect(is({ and: [gold, young] })).toBe(false);
    expect(is({ or: [gold, young] })).toBe(true);
    expect(is({ and: [gold, { or: [young, { field: 'vip', op: 'eq', value: true }] }] })).toBe(true);
  });

  it('an empty and is true and an empty or false, as the compiled SQL', () => {
    expect(is({ and: [] })).toBe(true);
    expect(is({ or: [] })).toBe(false);
  });

  it('not is the exact complement, empty values included', () => {
    expect(is({ not: gold })).toBe(false);
    expect(is({ not: { field: 'level', op: 'eq', value: 'gold' } }, empty)).toBe(true);
    expect(is({ not: { not: gold } })).toBe(true);
  });
});

describe('matchFilter: values it cannot compare', () => {
  it('a path reads an embedded related record, and is empty without one', () => {
    expect(is({ field: 'organization.city', op: 'eq', value: '上海市' })).toBe(true);
    expect(is({ field: 'organization.city', op: 'is_null' }, { organization: 'o1' })).toBe(true);
  });

  it('never reads inherited properties through a path', () => {
    expect(is({ field: 'name.constructor', op: 'is_null' })).toBe(true);
    expect(is({ field: 'organization.constructor', op: 'is_null' })).toBe(true);
  });

  it('a number that is not one, or a type mismatch, is no match rather than an error', () => {
    expect(is({ field: 'age', op: 'gt', value: 'abc' })).toBe(false);
    expect(is({ field: 'vip', op: 'lt', value: 3 })).toBe(false);
    expect(is({ field: 'age', op: 'between', value: 30 })).toBe(false);
    expect(is({ field: 'level', op: 'eq', value: null })).toBe(false);
  });

  it('an unknown operator is false', () => {
    expect(is({ field: 'level', op: 'like' as 'eq', value: 'gold' })).toBe(false);
  });

  it('compares without types as the values say: numbers numerically, texts as texts', () => {
    expect(matchFilter({ field: 'spent', op: 'gt', value: 99 }, customer)).toBe(true);
    expect(matchFilter({ field: 'city', op: 'in', value: '杭州市' }, customer)).toBe(true);
  });
});
