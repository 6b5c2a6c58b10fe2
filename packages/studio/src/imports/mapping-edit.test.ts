import { describe, expect, it } from 'vitest';
import { assignColumn, fieldsOfColumn, removeField, sendableMapping, updateSource, withoutObject } from './mapping-edit.js';
import type { ImportMapping } from './import-types.js';

const mapping: ImportMapping = {
  fields: { name: { from: '姓名' }, phone: { from: '手机' }, address: { from: '地址', part: 'street' }, city: { from: '地址', part: 'city' } },
  match: { on: [['phone'], ['name']], action: 'merge' },
};

describe('editing a mapping', () => {
  it('lists what a column feeds, the whole value first', () => {
    expect(fieldsOfColumn(mapping, '地址')).toEqual(['address', 'city']);
    expect(fieldsOfColumn(mapping, '手机')).toEqual(['phone']);
    expect(fieldsOfColumn(mapping, '备注')).toEqual([]);
  });

  it('gives a column one whole-value field, taking the field from any other column, keeping parts', () => {
    const moved = assignColumn(mapping, '手机', 'name');
    expect(moved.fields).toEqual({ name: { from: '手机' }, address: { from: '地址', part: 'street' }, city: { from: '地址', part: 'city' } });
    expect(moved.match?.on).toEqual([['name']]);
    expect(assignColumn(mapping, '姓名', undefined).fields).not.toHaveProperty('name');
  });

  it('unmaps a field and drops the match keys that named it', () => {
    const removed = removeField(mapping, 'phone');
    expect(removed.fields).not.toHaveProperty('phone');
    expect(removed.match?.on).toEqual([['name']]);
  });

  it('drops the likeness fields that are no longer mapped, and the likeness rule left without a block or a compared field', () => {
    const fuzzy = { ...mapping, match: { ...mapping.match, fuzzy: { block: ['city'], compare: { name: 2, address: 1 } } } };
    expect(removeField(fuzzy, 'address').match?.fuzzy).toEqual({ block: ['city'], compare: { name: 2 } });
    expect(removeField(fuzzy, 'city').match).toEqual({ on: [['phone'], ['name']], action: 'merge' });
  });

  it('sends a likeness rule only once it has a block and a compared field', () => {
    const complete = { ...mapping, match: { ...mapping.match, fuzzy: { block: ['name'], compare: { address: 1 } } } };
    expect(sendableMapping(complete)).toBe(complete);
    expect(sendableMapping({ ...mapping, match: { ...mapping.match, fuzzy: { block: [], compare: { address: 1 } } } }).match).toEqual(mapping.match);
  });

  it('sends source_priority rules only once the source field and the sources are set', () => {
    const draft: ImportMapping = { ...mapping, match: { ...mapping.match, merge: { address: 'source_priority', name: 'longest' }, sourceField: 'city' } };
    expect(sendableMapping(draft).match?.merge).toEqual({ name: 'longest' });
    const ready: ImportMapping = { ...draft, match: { ...draft.match, sourcePriority: ['erp', 'tmall'] } };
    expect(sendableMapping(ready)).toBe(ready);
  });

  it('sets and clears source options', () => {
    const dated = updateSource({ fields: { born: { from: '生日' } } }, 'born', { dateOrder: 'DMY' });
    expect(dated.fields.born).toEqual({ from: '生日', dateOrder: 'DMY' });
    expect(updateSource(dated, 'born', { dateOrder: undefined }).fields.born).toEqual({ from: '生日' });
  });

  it('applies a template without the object it was saved for', () => {
    expect(withoutObject({ ...mapping, object: 'customers' })).toEqual(mapping);
    expect(withoutObject(mapping)).toEqual(mapping);
  });
});
