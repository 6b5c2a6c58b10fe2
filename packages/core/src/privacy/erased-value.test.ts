import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../data/index.js';
import { modelBlueprint, type Blueprint } from '../documents/index.js';
import { field, label } from '../../test/fixtures.js';
import { erasableFields, erasedText, erasedValue, isErasedValue } from './erased-value.js';

const blueprint: Blueprint = {
  label: label('people'),
  objects: [{
    id: 'people', name: 'people', label: label('people'), fields: [
      field('name', 'text', { required: true, personal: true }),
      field('handle', 'text', { required: true, unique: true, personal: true }),
      field('notes', 'long_text', { required: true, personal: true }),
      field('email', 'email', { required: true, unique: true, personal: true }),
      field('phone', 'phone', { required: true, unique: true, personal: true }),
      field('homepage', 'url', { required: true, personal: true }),
      field('born', 'date', { required: true, personal: true }),
      field('code', 'autonumber', { autonumber: { pattern: 'P{0000}' }, personal: true }),
      field('city', 'text'),
    ],
  }],
};
const people = modelBlueprint(blueprint).objects.get('people')!;
const fieldOf = (name: string) => people.fields.get(name)!;

describe('erasedValue', () => {
  it('gives every text-like type a placeholder that passes the field\'s own validation, and none to other types', () => {
    for (let index = 0; index < 200; index += 1) {
      const id = randomUUID();
      const values = Object.fromEntries(['name', 'handle', 'notes', 'email', 'phone', 'homepage'].map((name) => [name, erasedValue(fieldOf(name), id)]));
      expect(validateRecord(people, values, 'patch')).toEqual([]);
      for (const [name, value] of Object.entries(values)) expect(isErasedValue(fieldOf(name), value)).toBe(true);
    }
    expect(erasedValue(fieldOf('born'), randomUUID())).toBeUndefined();
  });

  it('is the same for the same record, differs between records and attempts where the field is unique', () => {
    const id = randomUUID();
    expect(erasedValue(fieldOf('name'), id)).toBe(erasedText);
    expect(erasedValue(fieldOf('phone'), id)).toBe(erasedValue(fieldOf('phone'), id));
    expect(erasedValue(fieldOf('phone'), id)).toMatch(/^\+86100\d{8}$/);
    expect(erasedValue(fieldOf('phone'), id, 1)).not.toBe(erasedValue(fieldOf('phone'), id));
    expect(erasedValue(fieldOf('handle'), id)).not.toBe(erasedValue(fieldOf('handle'), randomUUID()));
    expect(erasedValue(fieldOf('email'), id)).toMatch(/^erased\+[0-9a-f]{12}@example\.invalid$/);
  });

  it('takes real values for what they are', () => {
    expect(isErasedValue(fieldOf('phone'), '+8613812345678')).toBe(false);
    expect(isErasedValue(fieldOf('email'), 'erased@example.com')).toBe(false);
    expect(isErasedValue(fieldOf('name'), '张三')).toBe(false);
    expect(isErasedValue(fieldOf('born'), null)).toBe(false);
  });

  it('erases personal columns, never relations or autonumbers', () => {
    expect(erasableFields(people.columnFields).map((item) => item.name)).toEqual(['name', 'handle', 'notes', 'email', 'phone', 'homepage', 'born']);
  });
});
