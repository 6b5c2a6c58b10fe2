import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixtures.js';
import { errorsByField } from './field-errors.js';

describe('plan errors by field', () => {
  it('gives each field of the object its errors, relative to the field', () => {
    const errors = [
      { pointer: '/objects/0/fields/1/maxLength', message: 'too small' },
      { pointer: '/objects/0/fields/3/options/0/value', message: 'bad' },
      { pointer: '/objects/0/fields/1', message: 'whole' },
      { pointer: '/objects/1/fields/0/relation/target', message: 'other object' },
      { pointer: '/views/0/columns/0/field', message: 'a view' },
      { pointer: '/objects/0/fields/99/name', message: 'gone' },
    ];
    const byField = errorsByField(errors, buildFixture(), 'customers');
    expect([...byField.keys()]).toEqual(['notes', 'tier']);
    expect(byField.get('notes')).toEqual([{ pointer: '/maxLength', message: 'too small' }, { pointer: '', message: 'whole' }]);
    expect(byField.get('tier')).toEqual([{ pointer: '/options/0/value', message: 'bad' }]);
  });

  it('has nothing without a proposed blueprint', () => {
    expect(errorsByField([{ pointer: '/objects/0/fields/1', message: 'x' }], undefined, 'customers').size).toBe(0);
  });
});
