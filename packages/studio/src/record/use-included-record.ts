import { useQuery } from '@tanstack/react-query';
import { fetchRecord } from './fetch-record.js';
import { recordKey } from './use-record.js';

/** One record (a soft-deleted one too) with related records embedded (`include=`), for the parts of a page that show their titles. */
export function useIncludedRecord(slug: string, object: string, id: string, include: string[]) {
  return useQuery({
    queryKey: [...recordKey(slug, object, id), 'include', include],
    enabled: include.length > 0,
    queryFn: async () => (await fetchRecord(slug, object, id, include)).record,
  });
}
