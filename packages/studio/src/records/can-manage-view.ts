import type { SavedView } from './use-saved-views.js';

/** Whether the caller may change or delete a saved view: their own, or a shared one when they hold the blueprint capability. */
export function canManageView(view: SavedView, blueprintCapability: boolean): boolean {
  return view.mine || (view.shared && blueprintCapability);
}
