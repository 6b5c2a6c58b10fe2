import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.js';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { RecordRow } from '../records/use-records.js';

/** A record as its page shows it: live, or soft-deleted (then only restoring it is offered). */
export interface LoadedRecord {
  record: RecordRow;
  trashed: boolean;
}

/** The query key of one record (its included variants start with it): invalidate it after a write. */
export const recordKey = (slug: string, object: string, id: string) => ['record', slug, object, id] as const;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET …/:id answers 404 for a deleted record; the trashed list tells whether it is one the caller may restore. */
async function trashedRecord(slug: string, object: string, id: string): Promise<RecordRow | undefined> {
  if (!uuid.test(id)) return undefined;
  const params = query({ trashed: 'only', filter: JSON.stringify({ field: 'id', op: 'eq', value: id }), limit: 1 });
  try {
    return (await api.get<ListPage<RecordRow>>(`/api/w/${seg(slug)}/data/${seg(object)}${params}`)).data[0];
  } catch {
    // The first answer (404) is the one to show, whatever hides the trashed list.
    return undefined;
  }
}

/** One record of an object, a soft-deleted one included; the error is the server's (404, 403…). */
export function useRecord(slug: string, object: string, id: string) {
  return useQuery({
    queryKey: recordKey(slug, object, id),
    queryFn: async (): Promise<LoadedRecord> => {
      try {
        const { data } = await api.get<{ data: RecordRow }>(`/api/w/${seg(slug)}/data/${seg(object)}/${seg(id)}`);
        return { record: data, trashed: false };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        const record = await trashedRecord(slug, object, id);
        if (!record) throw error;
        return { record, trashed: true };
      }
    },
  });
}
