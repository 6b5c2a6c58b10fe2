import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { AuditEntry, AuditFilters } from './audit-entry.js';

/** Pages of an audit log (100 lines each), newest first, "load more" following the cursor. */
export function useAudit(path: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', path, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<ListPage<AuditEntry>>(`${path}${query({ ...filters, limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.page?.next_cursor ?? undefined,
  });
}
