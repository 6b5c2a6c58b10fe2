import { describe, expect, it } from 'vitest';
import { label, teamsBlueprint } from '../../test/fixtures.js';
import type { TesseraError } from '../errors/index.js';
import { validateBlueprint } from './validate-blueprint.js';
import type { Form, FormField } from './generated-types.js';

function form(fields: FormField[], extra: Partial<Form> = {}): Form {
  return { id: 'people_form', object: 'people', sections: [{ id: 'main', title: label('main'), fields }], ...extra };
}

/** Every error of a blueprint holding these forms, as `pointer code`. */
function errorsOf(...forms: Form[]): string[] {
  const blueprint = teamsBlueprint();
  blueprint.forms = forms;
  try {
    validateBlueprint(blueprint);
    return [];
  } catch (error) {
    return (error as TesseraError).errors.map((item) => `${item.pointer} ${item.code}`);
  }
}

describe('forms', () => {
  it('accept fields of the object with widgets that suit them, and conditions on its own fields', () => {
    expect(errorsOf(form([
      { field: 'name', widget: 'textarea' },
      { field: 'age', widget: 'range', visibleWhen: { field: 'status', op: 'eq', value: 'active' } },
      { field: 'salary', widget: 'updown', readOnlyWhen: { and: [{ field: 'age', op: 'lt', value: 18 }, { field: 'owner_id', op: 'is_null' }] } },
      { field: 'email', widget: 'email', requiredWhen: { not: { field: 'phone', op: 'is_null' } } },
      { field: 'phone', widget: 'text' },
      { field: 'status', widget: 'radio' },
      { field: 'skills', widget: 'checkboxes' },
      { field: 'team' },
      { field: 'born', widget: 'date' },
      { field: 'seen_at', widget: 'datetime' },
      { field: 'code', readOnly: true },
    ]))).toEqual([]);
  });

  it('refuse an unknown object, an unknown field and a field placed twice', () => {
    expect(errorsOf(form([{ field: 'name' }], { object: 'nobody' }))).toEqual(['/forms/0/object unknown_reference']);
    expect(errorsOf(form([{ field: 'name' }, { field: 'nickname' }, { field: 'id' }]))).toEqual([
      '/forms/0/sections/0/fields/1/field unknown_reference', '/forms/0/sections/0/fields/2/field unknown_reference',
    ]);
    const twice = form([{ field: 'name' }]);
    twice.sections.push({ id: 'more', title: label('more'), fields: [{ field: 'age' }, { field: 'name' }] });
    expect(errorsOf(twice)).toEqual(['/forms/0/sections/1/fields/1/field duplicate_name']);
  });

  it('refuse two forms of one object, two forms with one id, and two sections with one id', () => {
    expect(errorsOf(form([{ field: 'name' }]), form([{ field: 'age' }], { id: 'other' }))).toEqual(['/forms/1/object duplicate_name']);
    expect(errorsOf(form([{ field: 'name' }]), form([{ field: 'name' }], { object: 'teams' }))).toEqual(['/forms/1/id duplicate_id']);
    const sections = form([{ field: 'name' }]);
    sections.sections.push({ id: 'main', title: label('again'), fields: [{ field: 'age' }] });
    expect(errorsOf(sections)).toEqual(['/forms/0/sections/1/id duplicate_id']);
  });

  it('refuse a widget that does not suit the field type, and any widget on relation and autonumber fields', () => {
    expect(errorsOf(form([
      { field: 'age', widget: 'textarea' },
      { field: 'status', widget: 'checkboxes' },
      { field: 'skills', widget: 'radio' },
      { field: 'born', widget: 'datetime' },
      { field: 'email', widget: 'url' },
      { field: 'team', widget: 'select' },
      { field: 'code', widget: 'text' },
    ]))).toEqual([0, 1, 2, 3, 4, 5, 6].map((index) => `/forms/0/sections/0/fields/${index}/widget not_applicable`));
  });

  it('refuse conditions through relations, on unknown fields, with operators or values the field does not take', () => {
    const errors = errorsOf(form([
      { field: 'name', visibleWhen: { field: 'team.name', op: 'eq', value: 'x' } },
      { field: 'age', requiredWhen: { or: [{ field: 'status', op: 'eq', value: 'x' }, { field: 'ghost', op: 'is_null' }] } },
      { field: 'status', readOnlyWhen: { field: 'skills', op: 'starts_with', value: 'ts' } },
      { field: 'code', requiredWhen: { field: 'status', op: 'eq', value: 'gone' } },
    ]));
    expect(errors).toEqual([
      '/forms/0/sections/0/fields/0/visibleWhen/field own_fields_only',
      '/forms/0/sections/0/fields/1/requiredWhen/or/0/value option',
      '/forms/0/sections/0/fields/1/requiredWhen/or/1/field unknown_reference',
      '/forms/0/sections/0/fields/2/readOnlyWhen/op not_applicable',
      '/forms/0/sections/0/fields/3/requiredWhen not_applicable',
    ]);
  });

  it('check a section condition as a field condition, and word the relation refusal in Chinese too', () => {
    const sectioned = form([{ field: 'name' }]);
    sectioned.sections[0]!.visibleWhen = { field: 'team.name', op: 'eq', value: 'x' };
    const blueprint = teamsBlueprint();
    blueprint.forms = [sectioned];
    const error = (() => { try { validateBlueprint(blueprint); } catch (caught) { return caught as TesseraError; } return undefined; })();
    expect(error?.errors.map((item) => item.pointer)).toEqual(['/forms/0/sections/0/visibleWhen/field']);
    expect(error?.errors[0]?.message['zh-CN']).toBe('表单条件只能引用本对象自己的字段，不能经由关联（team.name）');
  });
});
