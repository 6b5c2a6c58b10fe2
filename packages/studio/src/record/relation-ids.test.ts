import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './history-entry.js';
import { relationIds } from './relation-ids.js';
import { retailModel } from './retail-model.fixture.js';

const customers = retailModel().objects.find((object) => object.name === 'customers')!;
const entry = (changes: HistoryEntry['changes']): HistoryEntry => ({ id: 1, at: '2026-11-11T02:30:00.000Z', action: 'record.update', changes });

describe('relationIds', () => {
  it('collects the old and new ids of many-to-one fields by target, each once', () => {
    const ids = relationIds([
      entry({ member_level: { old: 'b', new: 'a' }, organization: { old: null, new: 'o1' }, name: { old: 'x', new: 'y' } }),
      entry({ member_level: { old: 'a', new: 'c' } }),
    ], customers);
    expect([...ids]).toEqual([['member_levels', ['a', 'b', 'c']], ['organizations', ['o1']]]);
  });

  it('leaves out personal changes, many-to-many lists, other fields and empty values', () => {
    const ids = relationIds([entry({ member_level: { changed: true }, tags: { old: ['t1'], new: ['t2'] }, organization: { old: null, new: null } })], customers);
    expect(ids.size).toBe(0);
  });
});
