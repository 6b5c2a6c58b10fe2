import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { ListParams } from './list-params.js';

/** A record as the list answers it. */
export type RecordRow = Record<string, unknown> & { id: string | number };

/** The query key of every list of an object's records (its pages and kanban lanes): invalidate it after a write. */
export const recordsKey = (slug: string, object: string) => ['records', slug, object] as const;

/** Reads one page of an object's records. */
export function fetchRecords(slug: string, object: string, params: ListParams): Promise<ListPage<RecordRow>> {
  return api.get<ListPage<RecordRow>>(`/api/w/${seg(slug)}/data/${seg(object)}${query(params)}`);
}

/**
 * One page of an object's records. The first page is always read, with the exact total
 * (`count=true`, once), and stays observed so the total shows on later pages, which are read by
 * their cursor without counting. While a page loads, the one before stays on screen.
 */
export function useRecords(slug: string, object: string, params: ListParams, cursor: string | undefined) {
  const base = [...recordsKey(slug, object), 'page', params] as const;
  const first = useQuery({
    queryKey: [...base, 'first'],
    queryFn: () => fetchRecords(slug, object, { ...params, count: true }),
    placeholderData: keepPreviousData,
  });
  const later = useQuery({
    // Never the first page's key: one key shared by two query functions would refetch without the count.
    queryKey: [...base, 'after', cursor ?? ''],
    queryFn: () => fetchRecords(slug, object, { ...params, cursor }),
    enabled: cursor !== undefined,
    placeholderData: keepPreviousData,
  });
  const current = cursor === undefined ? first : later;
  const page = cursor === undefined ? first.data : later.data ?? (later.isFetching ? first.data : undefined);
  return {
    page,
    total: first.isPlaceholderData ? undefined : first.data?.page?.total,
    loading: current.isFetching,
    error: current.error ?? first.error,
    refetch: () => void current.refetch(),
  };
}
