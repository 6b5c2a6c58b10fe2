import type { View } from '../api/documents.js';
import type { SavedView } from './use-saved-views.js';

const savedPrefix = 'saved:';

/** The URL's name of a saved view (blueprint views go by their name, which never holds a colon). */
export const savedViewKey = (id: string) => `${savedPrefix}${id}`;

/** True when the URL's view names a saved view. */
export const isSavedViewKey = (key: string | undefined) => key?.startsWith(savedPrefix) === true;

/** The view the URL names, among the blueprint's views of the object and the saved ones (undefined while those load). */
export interface ViewChoice { view?: View; saved?: SavedView; missing: boolean }

/** Finds the chosen view; `missing` when the URL names one that is not there (deleted, or not shared with the caller). */
export function chooseView(key: string | undefined, shared: View[], saved: SavedView[] | undefined): ViewChoice {
  if (!key) return { missing: false };
  if (isSavedViewKey(key)) {
    if (!saved) return { missing: false };
    const found = saved.find((candidate) => savedViewKey(candidate.id) === key);
    return found ? { view: found.view, saved: found, missing: false } : { missing: true };
  }
  const view = shared.find((candidate) => candidate.name === key);
  return view ? { view, missing: false } : { missing: true };
}
