import { describe, expect, it } from 'vitest';
import { splitFieldErrors, standingErrors } from './field-errors.js';
import { formStart } from './form-start.js';
import { recordChanges, rebaseEdits, toFormData } from './form-values.js';
import { customers, organizations } from './forms.fixture.js';

const fields = customers.fields;
const record = {
  id: 'c1', version: 3, code: 'C000001', name: 'Li Lei', phone: '138****1234', spent: '199.00', score: '4.50', vip: false, notes: null,
  profile: { wechat: 'lilei' }, organization: { id: 'o1', city: '杭州市' }, tags: [{ id: 't1', name: 'new' }, { id: 't2', name: 'vip' }],
};

describe('toFormData', () => {
  it('turns API values into form values: exact numbers as numbers, relations as ids, json as its text; empties left out', () => {
    const { data } = toFormData(fields, record, true);
    expect(data).toEqual({
      id: 'c1', version: 3, code: 'C000001', name: 'Li Lei', spent: 199, score: 4.5, vip: false,
      profile: '{\n  "wechat": "lilei"\n}', organization: 'o1', tags: ['t1', 't2'],
    });
  });

  it('keeps masked personal values out of the form, as placeholders', () => {
    expect(toFormData(fields, record, true).kept).toEqual({ phone: '138****1234' });
    expect(toFormData(fields, { phone: '13812341234' }, false)).toEqual({ data: { phone: '13812341234' }, kept: {} });
  });
});

describe('recordChanges', () => {
  const before = toFormData(fields, record, true).data;

  it('sends nothing when nothing changed: a kept personal value is never written back', () => {
    expect(recordChanges(fields, before, { ...before })).toEqual({ values: {}, badJson: [] });
  });

  it('sends only the changed writable fields, a cleared one as null (an empty list for a to-many relation)', () => {
    const after = { ...before, name: 'Han Meimei', spent: undefined, tags: [], code: 'C999', score: 1, phone: '13900001111' };
    expect(recordChanges(fields, before, after).values).toEqual({ name: 'Han Meimei', spent: null, tags: [], phone: '13900001111' });
  });

  it('treats every empty form of a value as the same (rjsf may hand back [] or "" for nothing)', () => {
    expect(recordChanges(fields, { ...before, channels: undefined }, { ...before, channels: [], notes: '' }).values).toEqual({});
  });

  it('parses json text before sending, and reports text that is not JSON', () => {
    expect(recordChanges(fields, before, { ...before, profile: '{"a": 1}' }).values).toEqual({ profile: { a: 1 } });
    expect(recordChanges(fields, before, { ...before, profile: '{a: 1}' })).toEqual({ values: {}, badJson: ['profile'] });
  });

  it('creates with every writable value given, read-only and empty ones left out', () => {
    const after = { name: 'Li Lei', organization: 'o1', code: 'C1', region: 'east', notes: '', tags: [] };
    expect(recordChanges(fields, undefined, after).values).toEqual({ name: 'Li Lei', organization: 'o1' });
  });
});

describe('rebaseEdits', () => {
  it('keeps the fields the user changed on top of the latest record and names those changed on both sides', () => {
    const before = { name: 'Li Lei', city: '杭州市', age: 30, vip: false };
    const latest = { name: 'Li Lei', city: '上海市', age: 31, vip: false };
    const edited = { name: 'Li Lei', city: '杭州市', age: 32, vip: undefined };
    expect(rebaseEdits(fields, before, latest, edited)).toEqual({ data: { name: 'Li Lei', city: '上海市', age: 32 }, conflicts: ['age'] });
  });
});

describe('splitFieldErrors', () => {
  it('places errors under their fields in the user language and keeps the others for the alert', () => {
    const errors = [
      { pointer: '/phone', message: { 'zh-CN': '手机号格式不正确', en: 'Not a phone number' } },
      { pointer: '/tags/1', message: 'unknown record' },
      { pointer: '/region', message: { en: 'read only' } },
      { pointer: '', message: { 'zh-CN': '记录无效' } },
    ];
    const split = splitFieldErrors(errors, new Set(['phone', 'tags']), 'zh-CN');
    expect(split.errorSchema).toEqual({ phone: { __errors: ['手机号格式不正确'] }, tags: { __errors: ['unknown record'] } });
    expect(split.others.map((error) => error.pointer)).toEqual(['/region', '']);
  });
});

describe('standingErrors', () => {
  it('drops the error of a field edited since the save and adds the form\'s own findings', () => {
    const server = { phone: { __errors: ['bad phone'] }, email: { __errors: ['bad email'] } };
    const sent = { phone: '123', email: 'x' };
    expect(standingErrors(server, sent, { phone: '123', email: 'x@y.z', profile: '{' }, ['profile'], 'Not valid JSON')).toEqual({
      phone: { __errors: ['bad phone'] }, profile: { __errors: ['Not valid JSON'] },
    });
  });
});

describe('formStart', () => {
  it('starts an edit from the record: its version, its kept personal values, the titles of the related records it embeds', () => {
    const start = formStart(customers, [customers, organizations], record);
    expect(start.version).toBe(3);
    expect(start.kept).toEqual({ phone: '138****1234' });
    // organizations names its records by its first text field (city); tags is not an object the caller sees: ids stand in.
    expect(start.titles).toEqual({ o1: '杭州市', t1: 't1', t2: 't2' });
  });

  it('starts a new record from the initial values, personal ones included (they are not masked)', () => {
    expect(formStart(customers, [customers], undefined, { organization: 'o1', phone: '13812341234' })).toEqual({
      data: { organization: 'o1', phone: '13812341234' }, kept: {}, version: undefined, titles: {},
    });
  });
});
