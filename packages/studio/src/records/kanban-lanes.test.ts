import { describe, expect, it } from 'vitest';
import { customersFixture } from './customers-fixture.js';
import { emptyLaneKey, kanbanLanes, laneFilter, laneKeyOf, withCard, withoutCard, type LaneData } from './kanban-lanes.js';

const gender = customersFixture.fields.find((field) => field.name === 'gender')!;
const lane = (ids: string[][], total: number): LaneData => ({
  pages: ids.map((page, index) => ({ data: page.map((id) => ({ id, version: 1 })), page: { next_cursor: null, ...(index === 0 ? { total } : {}) } })),
  pageParams: ids.map((_, index) => (index === 0 ? undefined : `c${index}`)),
});

describe('kanban lanes', () => {
  it('has a lane per option, then one for records without a value', () => {
    expect(kanbanLanes(gender).map((candidate) => [candidate.key, candidate.value])).toEqual([['male', 'male'], ['female', 'female'], [emptyLaneKey, null]]);
    expect(laneFilter('gender', null)).toEqual({ field: 'gender', op: 'is_null', value: true });
    expect(laneFilter('gender', 'male')).toEqual({ field: 'gender', op: 'eq', value: 'male' });
    expect(laneKeyOf(kanbanLanes(gender), 'other')).toBe(emptyLaneKey);
  });

  it('moves a card: out of one lane\'s pages, first into the other, counts following', () => {
    const from = withoutCard(lane([['a', 'b'], ['c']], 3), 'c');
    expect(from.pages.map((page) => page.data.map((row) => row.id))).toEqual([['a', 'b'], []]);
    expect(from.pages[0]!.page?.total).toBe(2);
    const to = withCard(lane([['x']], 1), { id: 'c', version: 2 });
    expect(to.pages[0]!.data.map((row) => row.id)).toEqual(['c', 'x']);
    expect(to.pages[0]!.page?.total).toBe(2);
  });

  it('replaces a card already in the lane and leaves a lane without it alone', () => {
    const data = lane([['a']], 1);
    expect(withoutCard(data, 'z')).toBe(data);
    const replaced = withCard(data, { id: 'a', version: 5 });
    expect(replaced.pages[0]!.data).toEqual([{ id: 'a', version: 5 }]);
    expect(replaced.pages[0]!.page?.total).toBe(1);
  });
});
