import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, query, seg, type RequestOptions } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { ListParams } from './list-params.js';

/** A record as the list answers it. */
export type RecordRow = Record<string, unknown> & { id: string | number };

/** The query key of every list of an object's records (its pages and kanban lanes): invalidate it after a write. */
export const recordsKey = (slug: string, object: string) => ['records', slug, object] as const;

/** The URL of one page of an object's records. */
export const recordsUrl = (slug: string, object: string, params: ListParams) => `/api/w/${seg(slug)}/data/${seg(object)}${query(params)}`;

/** Reads one page of an object's records. */
export function fetchRecords(slug: string, object: string, params: ListParams, options?: RequestOptions): Promise<ListPage<RecordRow>> {
  return api.get<ListPage<RecordRow>>(recordsUrl(slug, object, params), options);
}

const pageKey = (slug: string, object: string, params: ListParams) => [...recordsKey(slug, object), 'page', params] as const;

/**
 * The first page of a list: for useRecords, for the prefetch at start-up and for the server's first
 * paint. A page read in the last few seconds is not read again when a table mounts (the
 * prefetched one, a quick back and forth); the studio's own writes invalidate it at once.
 */
export const firstPageQuery = (slug: string, object: string, params: ListParams, options?: RequestOptions) => queryOptions({
  queryKey: [...pageKey(slug, object, params), 'first'],
  queryFn: () => fetchRecords(slug, object, params, options),
  staleTime: 5_000,
});

/**
 * The exact number of records the list matches, asked for apart from its rows (one row and
 * `count=true`): a count over millions of rows takes longer than the page, and the rows should not
 * wait for it. Kept a few seconds, like the first page.
 */
const totalQuery = (slug: string, object: string, params: ListParams) => queryOptions({
  queryKey: [...pageKey(slug, object, params), 'total'],
  queryFn: async () => (await api.get<ListPage<RecordRow>>(recordsUrl(slug, object, { ...params, limit: 1, count: true }))).page?.total ?? null,
  staleTime: 5_000,
});

/**
 * One page of an object's records. The first page is always read and stays observed; later pages
 * are read by their cursor. The total is read once per list, beside the first page. While a page
 * loads, the one before stays on screen.
 */
export function useRecords(slug: string, object: string, params: ListParams, cursor: string | undefined) {
  const first = useQuery({ ...firstPageQuery(slug, object, params), placeholderData: keepPreviousData });
  const total = useQuery({ ...totalQuery(slug, object, params), placeholderData: keepPreviousData });
  const later = useQuery({
    // Never the first page's key: one key shared by two query functions would mix them up.
    queryKey: [...pageKey(slug, object, params), 'after', cursor ?? ''],
    queryFn: () => fetchRecords(slug, object, { ...params, cursor }),
    enabled: cursor !== undefined,
    placeholderData: keepPreviousData,
  });
  const current = cursor === undefined ? first : later;
  const page = cursor === undefined ? first.data : later.data ?? (later.isFetching ? first.data : undefined);
  return {
    page,
    total: total.isPlaceholderData ? undefined : total.data ?? undefined,
    loading: current.isFetching,
    error: current.error ?? first.error,
    refetch: () => void current.refetch(),
  };
}
