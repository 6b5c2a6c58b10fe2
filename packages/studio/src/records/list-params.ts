import type { Filter } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import type { EffectiveList } from './effective-list.js';
import { formatSort } from './list-state.js';

/** Query parameters of the list API (`query()` drops the undefined ones). */
export type ListParams = Record<string, string | number | boolean | undefined>;

/** Which page to ask for: after a cursor, how many rows, with the total or not, narrowed by one more filter (a kanban lane). */
export interface PageRequest { cursor?: string; limit?: number; count?: boolean; also?: Filter }

function fieldOf(object: ModelObject, name: string) {
  return object.fields.find((field) => field.name === name);
}

/** The columns to read: the title field and the shown columns that are columns of the table (to-many relations are included instead). */
export function selectedFields(list: EffectiveList, object: ModelObject): string[] {
  const names = [object.titleField, list.groupBy, ...list.columns.map((column) => column.field)];
  return [...new Set(names.filter((name): name is string => name !== undefined && fieldOf(object, name) !== undefined && fieldOf(object, name)?.relation?.kind !== 'many_to_many'))];
}

/** The shown relation columns whose records the caller may read, embedded so a cell shows their title (`visible`: the objects of the caller's model). */
export function includedRelations(list: EffectiveList, object: ModelObject, visible: ReadonlySet<string>): string[] {
  return list.columns
    .map((column) => fieldOf(object, column.field))
    .filter((field) => field?.relation !== undefined && field.relation.kind !== 'one_to_many' && visible.has(field.relation.target))
    .map((field) => field!.name);
}

function and(filters: (Filter | undefined)[]): Filter | undefined {
  const parts = filters.filter((filter): filter is Filter => filter !== undefined);
  return parts.length > 1 ? { and: parts } : parts[0];
}

/** The list API's parameters for one page of the list. */
export function listParams(list: EffectiveList, object: ModelObject, visible: ReadonlySet<string>, page: PageRequest): ListParams {
  const filter = and([list.filter, page.also]);
  const include = includedRelations(list, object, visible);
  return {
    filter: filter ? JSON.stringify(filter) : undefined,
    sort: list.sort.length > 0 ? formatSort(list.sort) : undefined,
    limit: page.limit ?? list.pageSize,
    cursor: page.cursor,
    count: page.count ? true : undefined,
    fields: selectedFields(list, object).join(','),
    include: include.length > 0 ? include.join(',') : undefined,
    search: list.search?.trim() || undefined,
  };
}

/** The export endpoint's parameters: the list's filter, order and columns (the quick search is not part of an export). */
export function exportParams(list: EffectiveList, object: ModelObject, format: 'csv' | 'xlsx'): ListParams {
  return {
    format,
    filter: list.filter ? JSON.stringify(list.filter) : undefined,
    sort: list.sort.length > 0 ? formatSort(list.sort) : undefined,
    fields: list.columns.map((column) => column.field).filter((name) => fieldOf(object, name)?.relation?.kind !== 'many_to_many').join(','),
  };
}
