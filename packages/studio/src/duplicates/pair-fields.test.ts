import { describe, expect, it } from 'vitest';
import type { ModelObject } from '../api/workspace-model.js';
import type { DuplicatePair } from './duplicate-types.js';
import { chosenValues, compareLines, likenessOf, pairLines, sameValue } from './pair-fields.js';

const text = (name: string) => ({ name, type: 'text', label: { 'zh-CN': name, en: name }, access: 'read', personal: false }) as ModelObject['fields'][number];
const customers: ModelObject = { name: 'customers', label: { 'zh-CN': '客户', en: 'Customers' }, actions: ['read', 'update'], fields: ['name', 'phone', 'city', 'address', 'notes'].map(text) };

const pair: DuplicatePair = {
  id: 'p1', object: 'customers', source: 'dedupe', importId: null, rowNumber: null, runId: 'r1', incoming: null,
  record: { id: 'a', version: 1, name: '王芳', address: '中山路 1 号', city: '', notes: '老客户' },
  candidate: { id: 'b', version: 3, name: '王芳', address: '中山路 l 号', phone: '+8613800000000' },
  score: 0.93, similarity: { name: 1, address: 0.86, city: null }, status: 'pending',
  resultId: null, resolvedBy: null, resolvedAt: null, createdAt: '2025-01-01T00:00:00Z',
};

describe('comparing a pair', () => {
  it('lists the fields with a value on either side and every compared field, in the blueprint order', () => {
    const lines = pairLines(customers, pair);
    expect(lines.map((line) => line.field)).toEqual(['name', 'phone', 'city', 'address', 'notes']);
    expect(lines.find((line) => line.field === 'address')).toEqual({ field: 'address', left: '中山路 1 号', right: '中山路 l 号', similarity: 0.86, same: false });
    expect(lines.find((line) => line.field === 'phone')).not.toHaveProperty('similarity');
    expect(lines.find((line) => line.field === 'city')).toMatchObject({ similarity: null, same: true });
  });

  it('reads the incoming row of an import pair on the left', () => {
    const imported: DuplicatePair = { ...pair, source: 'import', importId: 'i1', rowNumber: 7, runId: null, record: null, incoming: { name: '王芳', notes: '新' } };
    expect(pairLines(customers, imported).find((line) => line.field === 'notes')).toMatchObject({ left: '新', right: undefined });
  });

  it('compares two stored records without similarities: the fields with a value on either side, none graded', () => {
    const lines = compareLines(customers, { id: 'a', name: '王芳', notes: '老客户' }, { id: 'b', name: '王芳', phone: '+8613800000000' });
    expect(lines).toEqual([
      { field: 'name', left: '王芳', right: '王芳', same: true },
      { field: 'phone', left: undefined, right: '+8613800000000', same: false },
      { field: 'notes', left: '老客户', right: undefined, same: false },
    ]);
  });

  it('grades similarity: alike from 0.9, different below, empty when a side has no value', () => {
    expect(likenessOf(0.9)).toBe('alike');
    expect(likenessOf(0.899)).toBe('different');
    expect(likenessOf(null)).toBe('empty');
    expect(likenessOf(undefined)).toBeUndefined();
  });

  it('keeps the chosen side of each picked field, null for an empty one', () => {
    const lines = pairLines(customers, pair);
    expect(chosenValues(lines, { address: 'left', phone: 'left', notes: 'right' })).toEqual({ address: '中山路 1 号', phone: null, notes: null });
    expect(chosenValues(lines, {})).toEqual({});
  });

  it('compares lists by content and empty values as equal', () => {
    expect(sameValue(['a'], ['a'])).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
  });
});
