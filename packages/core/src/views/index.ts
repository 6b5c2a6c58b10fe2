/** Views and forms as a role may use them, and saved views (personal and shared) of a workspace. */
export { narrowView } from './narrow-view.js';
export { narrowForm } from './narrow-form.js';
export {
  listSavedViews, createSavedView, updateSavedView, deleteSavedView, type SavedView, type SavedViewScope,
} from './saved-views.js';
