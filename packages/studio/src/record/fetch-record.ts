import { ApiError } from '../api/api-error.js';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { RecordRow } from '../records/use-records.js';

/** A record as its page shows it: live, or soft-deleted (then only restoring it is offered). */
export interface LoadedRecord {
  record: RecordRow;
  trashed: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET …/:id answers 404 for a deleted record; the trashed list tells whether it is one the caller may see. */
async function trashedRecord(base: string, id: string, include: string[]): Promise<RecordRow | undefined> {
  if (!uuid.test(id)) return undefined;
  const params = query({ trashed: 'only', filter: JSON.stringify({ field: 'id', op: 'eq', value: id }), limit: 1, include: include.join(',') });
  try {
    return (await api.get<ListPage<RecordRow>>(`${base}${params}`)).data[0];
  } catch {
    // The first answer (404) is the one to show, whatever hides the trashed list.
    return undefined;
  }
}

/**
 * One record of an object, with related records embedded (`include`), a soft-deleted one
 * included; throws the server's error (404, 403…) when there is none the caller may see.
 */
export async function fetchRecord(slug: string, object: string, id: string, include: string[] = []): Promise<LoadedRecord> {
  const base = `/api/w/${seg(slug)}/data/${seg(object)}`;
  try {
    const { data } = await api.get<{ data: RecordRow }>(`${base}/${seg(id)}${query({ include: include.join(',') })}`);
    return { record: data, trashed: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const record = await trashedRecord(base, id, include);
    if (!record) throw error;
    return { record, trashed: true };
  }
}
