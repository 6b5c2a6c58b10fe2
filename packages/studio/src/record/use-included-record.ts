import { useQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { RecordRow } from '../records/use-records.js';
import { recordKey } from './use-record.js';

/** One record with related records embedded (`include=`), for the parts of a page that show their titles. */
export function useIncludedRecord(slug: string, object: string, id: string, include: string[]) {
  return useQuery({
    queryKey: [...recordKey(slug, object, id), 'include', include],
    enabled: include.length > 0,
    queryFn: async () =>
      (await api.get<{ data: RecordRow }>(`/api/w/${seg(slug)}/data/${seg(object)}/${seg(id)}${query({ include: include.join(',') })}`)).data,
  });
}
