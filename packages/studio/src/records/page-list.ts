import type { ModelObject, WorkspaceModel } from '../api/workspace-model.js';
import { effectiveList, type EffectiveList } from './effective-list.js';
import { listParams, type ListParams } from './list-params.js';
import type { ListState } from './list-state.js';
import type { SavedView } from './use-saved-views.js';
import { chooseView, type ViewChoice } from './view-choice.js';

/** What a records page lists: the view chosen, the list it makes with the URL's state, and the first page's request. */
export interface PageList { choice: ViewChoice; list: EffectiveList; params: ListParams }

/**
 * The list a records page shows for the URL's state: the records page computes it, and start-up
 * (prefetchFirstPage) computes the same to ask for the first page before the page renders.
 * `saved` is undefined while the saved views are not read.
 */
export function pageList(model: WorkspaceModel, object: ModelObject, state: ListState, saved: SavedView[] | undefined): PageList {
  const shared = model.views.filter((view) => view.object === object.name);
  const choice = chooseView(state.view, shared, saved);
  const list = effectiveList(state, choice.view, object);
  const visible = new Set(model.objects.map((candidate) => candidate.name));
  return { choice, list, params: listParams(list, object, visible, {}) };
}
