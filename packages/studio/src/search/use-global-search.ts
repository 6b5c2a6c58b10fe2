import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { Label } from '../api/types.js';

/** One record a search found: its title field's value, the field the text matched, and a few values (masked per role). */
export interface SearchHit {
  id: string;
  title?: unknown;
  matched?: string | null;
  values?: Record<string, unknown> | null;
}

/** The hits of one object, as GET /api/w/:slug/search answers them. */
export interface SearchGroup {
  object: string;
  label?: Label;
  records: SearchHit[];
}

/** The longest text a search sends (the server refuses longer ones). */
export const maxSearchLength = 100;

/** Records matching `text` across the objects the caller may read, grouped by object, at most `limit` per object. */
export function useGlobalSearch(slug: string | undefined, text: string, limit: number) {
  const q = text.trim().slice(0, maxSearchLength);
  return useQuery({
    queryKey: ['search', slug, q, limit],
    enabled: slug !== undefined && q !== '',
    // The previous answer stays while the next loads: the options do not flicker as one types.
    placeholderData: keepPreviousData,
    queryFn: () => api.get<{ data: SearchGroup[] }>(`/api/w/${seg(slug!)}/search${query({ q, limit })}`),
  });
}
