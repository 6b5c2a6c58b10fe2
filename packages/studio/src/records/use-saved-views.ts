import { useQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import { isNotFound } from '../api/error-text.js';
import type { View } from '../api/documents.js';

/** A view someone saved from a list: theirs, or shared with the workspace. */
export interface SavedView { id: string; owner_id: string; shared: boolean; version: number; view: View; mine: boolean }

/** The saved views of an object, and whether the server has saved views at all (an older one answers 404). */
export interface SavedViews { available: boolean; views: SavedView[] }

/** The query key of an object's saved views. */
export const savedViewsKey = (slug: string, object: string) => ['saved-views', slug, object] as const;

const base = (slug: string) => `/api/w/${seg(slug)}/saved-views`;

type Answer = SavedView | { data: SavedView };

/** The saved view a write answers, wrapped in `data` like the list or bare. */
function savedRow(answer: Answer): SavedView {
  return 'data' in answer ? answer.data : answer;
}

/** The saved views API: list, create, update (409 when someone saved meanwhile) and delete. */
export const savedViewsApi = {
  async list(slug: string, object: string): Promise<SavedViews> {
    try {
      const answer = await api.get<{ data: SavedView[] }>(`${base(slug)}${query({ object })}`);
      return { available: true, views: answer.data };
    } catch (error) {
      if (isNotFound(error)) return { available: false, views: [] };
      throw error;
    }
  },
  create: async (slug: string, body: { shared: boolean; view: View }) => savedRow(await api.post<Answer>(base(slug), body)),
  update: async (slug: string, id: string, body: { shared?: boolean; view: View; version: number }) => savedRow(await api.put<Answer>(`${base(slug)}/${seg(id)}`, body)),
  remove: (slug: string, id: string) => api.delete<unknown>(`${base(slug)}/${seg(id)}`),
};

/** The saved views of an object, read only once `enabled` (the view menu opened, or a link names a saved view). */
export function useSavedViews(slug: string, object: string, enabled: boolean) {
  return useQuery({ queryKey: savedViewsKey(slug, object), queryFn: () => savedViewsApi.list(slug, object), enabled });
}
