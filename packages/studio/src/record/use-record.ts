import { useQuery } from '@tanstack/react-query';
import { fetchRecord } from './fetch-record.js';

/** The query key of one record (its included variants start with it): invalidate it after a write. */
export const recordKey = (slug: string, object: string, id: string) => ['record', slug, object, id] as const;

/** One record of an object, a soft-deleted one included; the error is the server's (404, 403…). */
export function useRecord(slug: string, object: string, id: string) {
  return useQuery({ queryKey: recordKey(slug, object, id), queryFn: () => fetchRecord(slug, object, id) });
}
