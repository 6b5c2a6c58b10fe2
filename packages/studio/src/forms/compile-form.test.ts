import { describe, expect, it } from 'vitest';
import { applyConditions } from './apply-conditions.js';
import { compileForm } from './compile-form.js';
import { defaultForm } from './default-form.js';
import { customerForm, customers, organizations } from './forms.fixture.js';

const title = { 'zh-CN': '基本信息', en: 'Details' };
const objects = [customers, organizations];
const compiledDefault = (locale: 'zh-CN' | 'en' = 'zh-CN') => compileForm({ object: customers, form: defaultForm(customers, title), objects, locale });
const designed = (kept?: Record<string, string>) => compileForm({ object: customers, form: customerForm, objects, locale: 'en', ...(kept ? { kept } : {}) });

describe('compileForm: the default form', () => {
  it('lays out every readable field in blueprint order in one section of two columns (long ones across both), one-to-many lists left out', () => {
    const compiled = compiledDefault();
    expect(compiled.sections).toHaveLength(1);
    expect(compiled.sections[0]).toMatchObject({ id: 'main', title: '基本信息', columns: 2, collapsed: false });
    const names = customers.fields.map((field) => field.name).filter((name) => name !== 'orders');
    expect(compiled.sections[0]!.fields.map((field) => field.name)).toEqual(names);
    expect(compiled.sections[0]!.fields.filter((field) => field.span === 2).map((field) => field.name)).toEqual(['notes', 'profile']);
    expect(Object.keys(compiled.schema.properties!)).toEqual(names);
  });

  it('gives each field type its JSON Schema', () => {
    const { properties } = compiledDefault().schema;
    expect(properties).toMatchObject({
      name: { type: 'string', maxLength: 100, title: 'name（中文）' },
      phone: { type: 'string', maxLength: 32 },
      email: { type: 'string', maxLength: 254, pattern: '^.+@.+$' },
      website: { type: 'string', maxLength: 2048 },
      notes: { type: 'string', maxLength: 100_000 },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      spent: { type: 'number' },
      rate: { type: 'number' },
      vip: { type: 'boolean' },
      birthday: { type: 'string', format: 'date' },
      seen_at: { type: 'string', format: 'date-time' },
      level: { type: 'string', oneOf: [{ const: 'gold', title: '金卡' }, { const: 'silver', title: '银卡' }] },
      channels: { type: 'array', uniqueItems: true, items: { type: 'string', oneOf: [{ const: 'wechat', title: '微信' }] } },
      profile: { type: 'string' },
      organization: { type: 'string' },
      tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
      code: { type: 'string' },
      score: { type: 'number' },
    });
  });

  it('labels and option titles follow the language', () => {
    const { properties } = compiledDefault('en').schema;
    expect(properties!.name).toMatchObject({ title: 'name' });
    expect(properties!.level).toMatchObject({ oneOf: [{ const: 'gold', title: 'Gold' }, { const: 'silver', title: 'Silver' }] });
  });

  it('picks the widget of each type; a relation searches its target by its title field', () => {
    const { uiSchema } = compiledDefault();
    expect(uiSchema.notes).toEqual({ 'ui:widget': 'textarea', 'ui:options': { rows: 4 } });
    expect(uiSchema.profile).toEqual({ 'ui:widget': 'textarea', 'ui:options': { rows: 6 } });
    expect(uiSchema.email).toEqual({ 'ui:widget': 'email' });
    expect(uiSchema.website).toEqual({ 'ui:widget': 'uri' });
    expect(uiSchema.vip).toEqual({ 'ui:widget': 'checkbox' });
    expect(uiSchema.seen_at).toEqual({ 'ui:widget': 'datetime' });
    expect(uiSchema.organization).toEqual({ 'ui:widget': 'relation', 'ui:options': { target: 'organizations', multiple: false, titleField: 'city' } });
    expect(uiSchema.tags).toEqual({ 'ui:widget': 'relation', 'ui:options': { target: 'tags', multiple: true, titleField: '' } });
    expect(uiSchema.name).toEqual({ 'ui:description': '全名' });
  });

  it('disables what the caller cannot write or the engine fills, and requires only writable required fields', () => {
    const compiled = compiledDefault();
    expect(compiled.readOnly.sort()).toEqual(['code', 'region', 'score']);
    for (const name of compiled.readOnly) expect(compiled.uiSchema[name]).toMatchObject({ 'ui:disabled': true });
    expect(compiled.required).toEqual(['name']);
  });
});

describe('compileForm: a designed form', () => {
  it('keeps sections, columns and spans (at most the section columns), skipping fields the caller cannot see', () => {
    const compiled = designed();
    expect(compiled.sections.map((section) => [section.id, section.title, section.columns, section.collapsed])).toEqual([
      ['basic', 'Basics', 3, false], ['vip', 'Membership', 2, true],
    ]);
    expect(compiled.sections[0]!.fields.map((field) => [field.name, field.span])).toEqual([['name', 2], ['level', 1], ['age', 1], ['vip', 1], ['notes', 3], ['email', 1]]);
    expect(compiled.schema.properties).not.toHaveProperty('missing_field');
    expect(Object.keys(compiled.fields)).not.toContain('phone');
  });

  it('honours a widget that suits the type, ignores one that does not, and localizes placeholder and help', () => {
    const { uiSchema } = designed();
    expect(uiSchema.level).toEqual({ 'ui:widget': 'radio' });
    expect(uiSchema.age).toEqual({});
    expect(uiSchema.name).toEqual({ 'ui:placeholder': 'Type the name', 'ui:description': 'Full name' });
    expect(uiSchema.notes).toMatchObject({ 'ui:description': 'Internal notes' });
  });

  it('a readOnly entry is disabled and never required; requiredWhen is dropped from engine-filled fields', () => {
    const compiled = designed();
    expect(compiled.readOnly).toContain('spent');
    expect(compiled.uiSchema.spent).toMatchObject({ 'ui:disabled': true });
    expect(compiled.sections[1]!.fields.find((field) => field.name === 'code')).toEqual({ name: 'code', span: 1 });
  });

  it('a kept personal value is the placeholder and its field is not required', () => {
    const withPhone = { ...customerForm, sections: [{ id: 's', title, fields: [{ field: 'phone' }, { field: 'name' }] }] };
    const compiled = compileForm({ object: customers, form: withPhone, objects, locale: 'zh-CN', kept: { phone: '138****1234', name: 'L***' } });
    expect(compiled.uiSchema.phone).toEqual({ 'ui:placeholder': '138****1234' });
    expect(compiled.required).toEqual([]);
  });
});

describe('applyConditions', () => {
  it('hides a section and its fields while visibleWhen fails, keeping their values', () => {
    const live = applyConditions(designed(), { vip: false, spent: 12 });
    expect([...live.hiddenSections]).toEqual(['vip']);
    expect([...live.hiddenFields].sort()).toEqual(['code', 'spent', 'tags']);
    const shown = applyConditions(designed(), { vip: true, level: 'gold' });
    expect(shown.hiddenSections.size).toBe(0);
    expect(shown.hiddenFields.size).toBe(0);
  });

  it('hides a field by its own visibleWhen', () => {
    expect([...applyConditions(designed(), { vip: true }).hiddenFields]).toEqual(['tags']);
  });

  it('disables a field while readOnlyWhen matches', () => {
    const compiled = designed();
    expect(applyConditions(compiled, { vip: true }).uiSchema.age).toEqual({ 'ui:disabled': true });
    expect(applyConditions(compiled, { vip: false }).uiSchema.age).toEqual({});
    expect(compiled.uiSchema.age).toEqual({});
  });

  it('requires a field while requiredWhen matches, never a hidden or read-only one', () => {
    const compiled = designed();
    expect(applyConditions(compiled, { level: 'silver' }).schema.required).toEqual(['name']);
    expect(applyConditions(compiled, { level: 'gold' }).schema.required).toEqual(['name', 'email']);
    expect(compiled.schema.required).toBeUndefined();
  });
});
