import { describe, expect, it } from 'vitest';
import { customersFixture } from './customers-fixture.js';
import { editedRecords, rowErrors, taggedRecords } from './bulk-records.js';
import { newViewName, viewDocument } from './saved-view-document.js';
import { effectiveList } from './effective-list.js';

const field = (name: string) => customersFixture.fields.find((candidate) => candidate.name === name)!;

describe('bulk records', () => {
  it('edits every row with its version', () => {
    expect(editedRecords([{ id: 'a', version: 3, name: 'x' }, { id: 7, version: 1 }], 'gender', 'male')).toEqual([
      { id: 'a', version: 3, gender: 'male' }, { id: '7', version: 1, gender: 'male' },
    ]);
  });

  it('adds an option to a multi select, keeping the others, skipping rows that have it', () => {
    const rows = [{ id: 'a', version: 1, interests: ['golf'] }, { id: 'b', version: 2, interests: null }, { id: 'c', version: 1, interests: ['tea'] }];
    expect(taggedRecords(rows, field('interests'), 'tea')).toEqual([
      { id: 'a', version: 1, interests: ['golf', 'tea'] }, { id: 'b', version: 2, interests: ['tea'] },
    ]);
  });

  it('adds a link to a many-to-many relation, keeping the links read (embedded records or ids)', () => {
    const rows = [{ id: 'a', version: 1, tags: [{ id: 't1', name: 'VIP' }] }, { id: 'b', version: 1, tags: ['t2'] }, { id: 'c', version: 1, tags: [{ id: 't9' }] }];
    expect(taggedRecords(rows, field('tags'), 't9')).toEqual([
      { id: 'a', version: 1, tags: ['t1', 't9'] }, { id: 'b', version: 1, tags: ['t2', 't9'] },
    ]);
  });

  it('groups located errors by record, the rest as the request\'s', () => {
    const errors = [
      { pointer: '/records/1/gender', message: 'bad' }, { pointer: '/records/1', message: 'changed' },
      { pointer: '/records/0/name', message: 'long' }, { pointer: '/mode', message: 'no' }, { pointer: '/records/9/x', message: 'out' },
    ];
    expect(rowErrors(errors, ['a', 'b'])).toEqual({
      rows: [{ index: 0, id: 'a', errors: [errors[2]] }, { index: 1, id: 'b', errors: [errors[0], errors[1]] }],
      general: [errors[3], errors[4]],
    });
  });
});

describe('saved view documents', () => {
  it('hold what the list shows, as a kanban when it is one', () => {
    const list = effectiveList({ columns: ['name'], sort: [{ field: 'name', direction: 'asc' }], layout: 'kanban', search: 'x', filter: { field: 'name', op: 'contains', value: 'a' } }, undefined, customersFixture);
    const label = { 'zh-CN': '我的', en: 'Mine' };
    expect(viewDocument(list, customersFixture, label, 'view_1')).toEqual({
      id: 'view_1', name: 'view_1', object: 'customers', label, type: 'kanban', groupBy: 'gender',
      columns: [{ field: 'name' }], filter: { field: 'name', op: 'contains', value: 'a' }, sort: [{ field: 'name', direction: 'asc' }], pageSize: 50,
    });
  });

  it('are named by identifiers', () => {
    expect(newViewName(0, 0)).toBe('view_00000');
    expect(newViewName(Date.UTC(2026, 0, 1), 0.999999)).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
  });
});
