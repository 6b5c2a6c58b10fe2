import type { LocalizedText, View } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import type { EffectiveList } from './effective-list.js';

/** A name for a new saved view: an identifier unlikely to repeat. */
export function newViewName(now = Date.now(), random = Math.random()): string {
  return `view_${now.toString(36)}${Math.floor(random * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/**
 * The view document (schemas/view.schema.json) of what the list shows now: its columns, filter,
 * order, page size and layout. The quick search is a moment's question, not part of a view.
 */
export function viewDocument(list: EffectiveList, object: ModelObject, label: LocalizedText, name: string): View {
  const view: View = { id: name, name, object: object.name, label, columns: list.columns, pageSize: list.pageSize };
  if (list.layout === 'kanban' && list.groupBy) {
    view.type = 'kanban';
    view.groupBy = list.groupBy;
  }
  if (list.filter) view.filter = list.filter;
  if (list.sort.length > 0) view.sort = list.sort;
  return view;
}
