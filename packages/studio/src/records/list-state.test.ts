import { describe, expect, it } from 'vitest';
import { changedListParams, parseSort, readListState, writeListState, type ListState } from './list-state.js';

describe('list state in the URL', () => {
  it('reads back what it writes', () => {
    const state: ListState = {
      view: 'saved:42', filter: { and: [{ field: 'city', op: 'eq', value: '杭州市' }, { not: { field: 'phone', op: 'is_null' } }] },
      sort: [{ field: 'total_spent', direction: 'desc' }, { field: 'name', direction: 'asc' }],
      columns: ['name', 'phone'], pageSize: 100, search: '王', layout: 'kanban', groupBy: 'gender',
    };
    const params = writeListState(state);
    expect(params.get('sort')).toBe('-total_spent,name');
    expect(readListState(new URLSearchParams(params.toString()))).toEqual({ state, problems: [] });
  });

  it('keeps an explicit "no filter" apart from "the view\'s filter"', () => {
    expect(readListState(new URLSearchParams('filter=')).state).toEqual({ filter: null });
    expect(writeListState({ filter: null }).toString()).toBe('filter=');
    expect(readListState(new URLSearchParams('')).state).toEqual({});
  });

  it('names the parameters it cannot read and reads the rest', () => {
    const read = readListState(new URLSearchParams('filter={oops&sort=-Name&size=0&columns=name&layout=grid&q=%20'));
    expect(read.problems).toEqual(['filter', 'sort', 'size', 'q', 'layout']);
    expect(read.state).toEqual({ columns: ['name'] });
    expect(readListState(new URLSearchParams('filter=[1]')).problems).toEqual(['filter']);
    expect(parseSort('a,-b.c')).toBeUndefined();
  });

  it('changes one part and keeps the others, foreign parameters and a broken filter until it is replaced', () => {
    const current = new URLSearchParams('filter={oops&sort=name&tab=2');
    const sorted = changedListParams(current, { sort: [{ field: 'name', direction: 'desc' }] });
    expect(Object.fromEntries(sorted)).toEqual({ sort: '-name', filter: '{oops', tab: '2' });
    const fixed = changedListParams(sorted, { filter: { field: 'name', op: 'eq', value: 'a' } });
    expect(Object.fromEntries(fixed)).toEqual({ filter: '{"field":"name","op":"eq","value":"a"}', sort: '-name', tab: '2' });
    expect(Object.fromEntries(changedListParams(fixed, { sort: undefined, filter: undefined }))).toEqual({ tab: '2' });
  });
});
