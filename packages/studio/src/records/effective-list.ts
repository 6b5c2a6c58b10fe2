import type { Filter, View } from '../api/documents.js';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { tableFields } from './display-value.js';
import type { Layout, ListState, SortKey } from './list-state.js';

/** One column of the list: a field and, from a view, its width. */
export interface ListColumn { field: string; width?: number }

/** What the list shows once the URL's state is laid over the chosen view and the defaults. */
export interface EffectiveList {
  columns: ListColumn[];
  filter?: Filter;
  sort: SortKey[];
  pageSize: number;
  search?: string;
  layout: Layout;
  /** The single_select field of the kanban's lanes (set when the layout is kanban). */
  groupBy?: string;
}

/** Rows a page holds unless the URL or the view says otherwise. */
export const defaultPageSize = 50;

/** System columns a list may sort by and filter on. */
export const systemSortColumns = ['created_at', 'updated_at'] as const;

/** The fields that may be a column: everything but the one-to-many lists (orders of a customer, unbounded). */
export function columnFields(object: ModelObject): ModelField[] {
  return object.fields.filter((field) => field.relation?.kind !== 'one_to_many');
}

/** The single_select fields a kanban may group by. */
export function laneFields(object: ModelObject): ModelField[] {
  return object.fields.filter((field) => field.type === 'single_select' && (field.options?.length ?? 0) > 0);
}

function columnsOf(state: ListState, view: View | undefined, object: ModelObject): ListColumn[] {
  const known = new Set(columnFields(object).map((field) => field.name));
  const widths = new Map((view?.columns ?? []).map((column) => [column.field, column.width]));
  const names = state.columns ?? view?.columns.map((column) => column.field) ?? [];
  const columns = names.filter((name) => known.has(name)).map((field) => {
    const width = widths.get(field);
    return width === undefined ? { field } : { field, width };
  });
  return columns.length > 0 ? columns : tableFields(object.fields).map((field) => ({ field: field.name }));
}

function sortOf(state: ListState, view: View | undefined, object: ModelObject): SortKey[] {
  const known = new Set<string>([...systemSortColumns, ...object.fields.map((field) => field.name)]);
  const keys = state.sort ?? view?.sort?.map((key) => ({ field: key.field, direction: key.direction ?? 'asc' })) ?? [];
  return keys.filter((key) => known.has(key.field));
}

function kanbanOf(state: ListState, view: View | undefined, object: ModelObject): Pick<EffectiveList, 'layout' | 'groupBy'> {
  const layout = state.layout ?? (view?.type === 'kanban' ? 'kanban' : 'table');
  if (layout === 'table') return { layout };
  const lanes = laneFields(object);
  const wanted = state.groupBy ?? view?.groupBy;
  const field = lanes.find((candidate) => candidate.name === wanted) ?? lanes[0];
  return field ? { layout, groupBy: field.name } : { layout: 'table' };
}

/** The list to show: each part from the URL, else from the view, else the default. */
export function effectiveList(state: ListState, view: View | undefined, object: ModelObject): EffectiveList {
  const filter = state.filter === null ? undefined : state.filter ?? view?.filter;
  const list: EffectiveList = {
    columns: columnsOf(state, view, object),
    sort: sortOf(state, view, object),
    pageSize: state.pageSize ?? view?.pageSize ?? defaultPageSize,
    ...kanbanOf(state, view, object),
  };
  if (filter) list.filter = filter;
  if (state.search) list.search = state.search;
  return list;
}
