import { useInfiniteQuery } from '@tanstack/react-query';
import type { ModelObject } from '../api/workspace-model.js';
import type { EffectiveList } from './effective-list.js';
import { laneFilter, type Lane } from './kanban-lanes.js';
import { listParams, type ListParams } from './list-params.js';
import { fetchRecords, recordsKey } from './use-records.js';

/** Cards a lane loads at a time. */
const laneSize = 20;

/** A lane's list parameters and query key, the same for the lane that reads and the board that moves cards between lanes. */
export function laneQuery(slug: string, list: EffectiveList, object: ModelObject, visible: ReadonlySet<string>, lane: Lane): { params: ListParams; queryKey: readonly unknown[] } {
  const params = listParams(list, object, visible, { limit: laneSize, also: laneFilter(list.groupBy!, lane.value) });
  return { params, queryKey: [...recordsKey(slug, object.name), 'lane', params] };
}

/** The cards of one lane: the first 20 with the lane's count, then 20 more on demand. */
export function useKanbanLane(slug: string, object: string, query: { params: ListParams; queryKey: readonly unknown[] }) {
  return useInfiniteQuery({
    queryKey: query.queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchRecords(slug, object, { ...query.params, cursor: pageParam, count: pageParam === undefined ? true : undefined }),
    getNextPageParam: (last) => last.page?.next_cursor ?? undefined,
  });
}
