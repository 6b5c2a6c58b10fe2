import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { HistoryEntry } from './history-entry.js';

/** The audit entries of one record, newest first, 20 a page, "load more" following the cursor. */
export function useRecordHistory(slug: string, object: string, id: string) {
  return useInfiniteQuery({
    queryKey: ['record-history', slug, object, id],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<ListPage<HistoryEntry>>(`/api/w/${seg(slug)}/data/${seg(object)}/${seg(id)}/history${query({ limit: 20, cursor: pageParam })}`),
    getNextPageParam: (last) => last.page?.next_cursor ?? undefined,
  });
}
