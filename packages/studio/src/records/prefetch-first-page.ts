import type { QueryClient } from '@tanstack/react-query';
import type { WorkspaceModel } from '../api/workspace-model.js';
import { readListState } from './list-state.js';
import { pageList } from './page-list.js';
import { firstPageQuery } from './use-records.js';
import { isSavedViewKey } from './view-choice.js';

/**
 * Asks for the first page of a records table as the URL states it, once the model is known and
 * before React has rendered the page: the same query (key and request) the table then uses. A
 * saved view (read first) and a kanban (one request per lane) are left to the page. Answers whether
 * the first page is now in the cache (false: left to the page, or the request failed).
 */
export function prefetchFirstPage(client: QueryClient, slug: string, model: WorkspaceModel, objectName: string, search: string): Promise<boolean> {
  const object = model.objects.find((candidate) => candidate.name === objectName);
  const { state } = readListState(new URLSearchParams(search));
  if (!object || isSavedViewKey(state.view)) return Promise.resolve(false);
  const { list, params } = pageList(model, object, state, undefined);
  if (list.layout === 'kanban') return Promise.resolve(false);
  return client.fetchQuery(firstPageQuery(slug, object.name, params, { redirectOn401: false })).then(() => true, () => false);
}
