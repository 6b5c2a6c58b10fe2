import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';

/** A record as the list answers it. */
export type RecordRow = Record<string, unknown> & { id: string | number };

/** The records of an object, 50 a page, with the total, and the next page on demand. */
export function useRecords(slug: string, object: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['records', slug, object],
    enabled: object !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<ListPage<RecordRow>>(`/api/w/${seg(slug)}/data/${seg(object!)}${query({ limit: 50, count: true, cursor: pageParam })}`),
    getNextPageParam: (last) => last.page?.next_cursor ?? undefined,
  });
}
