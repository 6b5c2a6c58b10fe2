import { describe, expect, it } from 'vitest';
import type { Blueprint, Form } from '../api/documents.js';
import { draftProblems, draftToSave, draftWarnings } from './draft-problems.js';
import { addSection, locateField, moveField, moveSection, placedFields, removeField, removeSection, updateField, updateSection, withForm, withoutForm } from './form-draft.js';

const title = { 'zh-CN': '基本信息', en: 'Basics' };
const form: Form = {
  id: 'customers', object: 'customers',
  sections: [
    { id: 'a', title, columns: 2, fields: [{ field: 'name', span: 2 }, { field: 'phone' }, { field: 'email' }] },
    { id: 'b', title: { 'zh-CN': '其他', en: 'Other' }, fields: [{ field: 'notes', widget: 'textarea' }] },
  ],
};
const names = (draft: Form, id: string) => draft.sections.find((section) => section.id === id)!.fields.map((entry) => entry.field);

describe('moving fields', () => {
  it('places a palette field at an index', () => {
    const next = moveField(form, 'city', { section: 'b', index: 0 });
    expect(names(next, 'b')).toEqual(['city', 'notes']);
    expect(placedFields(next).has('city')).toBe(true);
    expect(names(form, 'b')).toEqual(['notes']);
  });

  it('reorders within a section as dnd-kit does (lands at the index of the field dropped on)', () => {
    expect(names(moveField(form, 'name', { section: 'a', index: 2 }), 'a')).toEqual(['phone', 'email', 'name']);
    expect(names(moveField(form, 'email', { section: 'a', index: 0 }), 'a')).toEqual(['email', 'name', 'phone']);
  });

  it('moves between sections keeping the settings, and appends past the end', () => {
    const next = moveField(form, 'notes', { section: 'a', index: 99 });
    expect(next.sections[0]!.fields.at(-1)).toEqual({ field: 'notes', widget: 'textarea' });
    expect(names(next, 'b')).toEqual([]);
    expect(locateField(next, 'notes')).toEqual({ section: 'a', index: 3 });
  });

  it('removes a field back to the palette and changes settings, undefined removing one', () => {
    expect(placedFields(removeField(form, 'phone')).has('phone')).toBe(false);
    const next = updateField(form, 'name', { span: undefined, readOnly: true });
    expect(next.sections[0]!.fields[0]).toEqual({ field: 'name', readOnly: true });
  });
});

describe('sections', () => {
  it('adds one with a fresh id, removes one (its fields back in the palette) and reorders', () => {
    const added = addSection(addSection(form, title), title);
    expect(added.sections.map((section) => section.id)).toEqual(['a', 'b', 'section_3', 'section_4']);
    expect(placedFields(removeSection(form, 'a'))).toEqual(new Set(['notes']));
    expect(moveSection(form, 'b', -1).sections.map((section) => section.id)).toEqual(['b', 'a']);
    expect(moveSection(form, 'a', -1)).toBe(form);
    expect(updateSection(form, 'b', { columns: 3, collapsed: true }).sections[1]).toMatchObject({ columns: 3, collapsed: true });
  });
});

describe('draftProblems', () => {
  const fields = new Set(['name', 'phone', 'email', 'notes']);

  it('finds none in a sound draft', () => {
    expect(draftProblems(form, fields)).toEqual([]);
  });

  it('names each problem at its place', () => {
    let draft = addSection(form, { 'zh-CN': '新分组', en: ' ' });
    draft = updateField(draft, 'phone', { placeholder: { 'zh-CN': '手机', en: '' } });
    draft = moveField(draft, 'gone', { section: 'b', index: 0 });
    expect(draftProblems(draft, fields)).toEqual([
      { pointer: '/sections/0/fields/1/placeholder/en', key: 'forms.problem.bothLanguages' },
      { pointer: '/sections/1/fields/0/field', key: 'forms.problem.unknownField', params: { field: 'gone' } },
      { pointer: '/sections/2/title/en', key: 'forms.problem.bothLanguages' },
      { pointer: '/sections/2/fields', key: 'forms.problem.emptySection' },
    ]);
    expect(draftProblems({ ...form, sections: [] }, fields)).toEqual([{ pointer: '/sections', key: 'forms.problem.noSections' }]);
  });
});

describe('draftWarnings', () => {
  const required = new Set(['name', 'notes']);
  const vip = { field: 'vip', op: 'eq', value: true } as const;

  it('finds none while no condition can hide a required field', () => {
    expect(draftWarnings(form, required)).toEqual([]);
    expect(draftWarnings(updateField(form, 'phone', { visibleWhen: vip }), required)).toEqual([]);
    // An empty group, as the builder leaves it mid-edit, hides nothing.
    expect(draftWarnings(updateField(form, 'name', { visibleWhen: { and: [] } }), required)).toEqual([]);
  });

  it('names a required field hidden by its own condition or by its section\'s', () => {
    expect(draftWarnings(updateField(form, 'name', { visibleWhen: vip }), required)).toEqual([{ pointer: '/sections/0/fields/0', key: 'forms.warning.requiredHidden' }]);
    expect(draftWarnings(updateSection(form, 'b', { visibleWhen: vip }), required)).toEqual([{ pointer: '/sections/1/fields/0', key: 'forms.warning.requiredHidden' }]);
  });
});

describe('draftToSave and the blueprint', () => {
  it('leaves out blank texts, empty condition groups and default settings', () => {
    const draft = updateField(updateSection(form, 'b', { collapsed: false, visibleWhen: { and: [{ or: [] }] } }), 'phone', {
      placeholder: { 'zh-CN': '', en: '' }, span: 1, visibleWhen: { or: [{ and: [] }, { field: 'vip', op: 'eq', value: true }] },
    });
    const saved = draftToSave(draft);
    expect(saved.sections[0]!.fields[1]).toEqual({ field: 'phone', visibleWhen: { or: [{ field: 'vip', op: 'eq', value: true }] } });
    expect(saved.sections[1]).toEqual({ id: 'b', title: { 'zh-CN': '其他', en: 'Other' }, columns: 2, fields: [{ field: 'notes', widget: 'textarea' }] });
  });

  it('puts the form in the blueprint in place of the object\'s old one, or takes it out', () => {
    const blueprint = { label: title, objects: [], forms: [{ ...form, id: 'old' }, { id: 'orders', object: 'orders', sections: [] }] } as Blueprint;
    expect(withForm(blueprint, form).forms!.map((entry) => entry.id)).toEqual(['orders', 'customers']);
    expect(withoutForm(blueprint, 'customers').forms!.map((entry) => entry.id)).toEqual(['orders']);
    expect(withoutForm({ ...blueprint, forms: [form] }, 'customers')).not.toHaveProperty('forms');
  });
});
