import type { Filter } from '../api/documents.js';

/** One key of a list's order. */
export interface SortKey { field: string; direction: 'asc' | 'desc' }

/** How the records are laid out. */
export type Layout = 'table' | 'kanban';

/**
 * What the URL of a list says, each part overriding the chosen view's: absent means "as the view
 * (or the default) has it". A filter of `null` is an explicit "no filter", so that a view's filter
 * can be removed in a shared link.
 */
export interface ListState {
  view?: string;
  filter?: Filter | null;
  sort?: SortKey[];
  columns?: string[];
  pageSize?: number;
  search?: string;
  layout?: Layout;
  groupBy?: string;
}

/** A URL state and the names of the parameters it could not read (left in the URL, shown as errors). */
export interface ReadListState { state: ListState; problems: string[] }

/** The page sizes the pager offers. */
export const pageSizes = [20, 50, 100, 200] as const;

const identifier = /^[a-z][a-z0-9_]{0,62}$/;
const maxSearch = 200;

/** Parses `-total_spent,name` into sort keys; undefined when a part is not a field name. */
export function parseSort(text: string): SortKey[] | undefined {
  if (text === '') return [];
  const keys = text.split(',').map((part) => ({ field: part.replace(/^-/, ''), direction: part.startsWith('-') ? 'desc' as const : 'asc' as const }));
  return keys.every((key) => identifier.test(key.field)) ? keys : undefined;
}

/** Writes sort keys as the list API's `sort` parameter. */
export function formatSort(keys: SortKey[]): string {
  return keys.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.field}`).join(',');
}

function parseFilter(text: string): Filter | null | undefined {
  if (text === '') return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Filter) : undefined;
  } catch {
    return undefined;
  }
}

type Reader = (text: string) => Partial<ListState> | undefined;

function readColumns(text: string): Partial<ListState> | undefined {
  const columns = text.split(',');
  return text !== '' && columns.every((column) => identifier.test(column)) ? { columns: [...new Set(columns)] } : undefined;
}

function readSize(text: string): Partial<ListState> | undefined {
  const size = Number(text);
  return /^\d{1,4}$/.test(text) && size >= 1 && size <= 1000 ? { pageSize: size } : undefined;
}

// Each reader answers what it understood, or undefined when the text is not valid.
const readers: Record<string, Reader> = {
  view: (text) => (text ? { view: text } : undefined),
  filter: (text) => {
    const filter = parseFilter(text);
    return filter === undefined ? undefined : { filter };
  },
  sort: (text) => {
    const sort = parseSort(text);
    return sort ? { sort } : undefined;
  },
  columns: readColumns,
  size: readSize,
  q: (text) => (text.trim() && text.length <= maxSearch ? { search: text } : undefined),
  layout: (text) => (text === 'table' || text === 'kanban' ? { layout: text } : undefined),
  group: (text) => (identifier.test(text) ? { groupBy: text } : undefined),
};

/** The URL parameters a list state is written to. */
export const listParamNames = Object.keys(readers);

/** Reads a list's state from the URL's search parameters; unknown parameters are left alone. */
export function readListState(params: URLSearchParams): ReadListState {
  const state: ListState = {};
  const problems: string[] = [];
  for (const [name, read] of Object.entries(readers)) {
    const text = params.get(name);
    if (text === null) continue;
    const part = read(text);
    if (part) Object.assign(state, part); else problems.push(name);
  }
  return { state, problems };
}

/** Writes a list's state as URL search parameters (the inverse of readListState). */
export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view) params.set('view', state.view);
  if (state.filter !== undefined) params.set('filter', state.filter === null ? '' : JSON.stringify(state.filter));
  if (state.sort) params.set('sort', formatSort(state.sort));
  if (state.columns?.length) params.set('columns', state.columns.join(','));
  if (state.pageSize) params.set('size', String(state.pageSize));
  if (state.search?.trim()) params.set('q', state.search);
  if (state.layout) params.set('layout', state.layout);
  if (state.groupBy) params.set('group', state.groupBy);
  return params;
}

/** The URL parameter of each part of the state. */
const paramOf: Record<keyof ListState, string> = {
  view: 'view', filter: 'filter', sort: 'sort', columns: 'columns', pageSize: 'size', search: 'q', layout: 'layout', groupBy: 'group',
};

/**
 * The URL parameters after a change of some parts of the state. Parameters the list does not own
 * stay, and so does an unreadable one the change does not replace: a broken link's filter is shown
 * as an error and kept until the user sets a new one, never silently dropped.
 */
export function changedListParams(current: URLSearchParams, change: Partial<ListState>): URLSearchParams {
  const { state, problems } = readListState(current);
  const next: ListState = { ...state };
  for (const [key, value] of Object.entries(change) as [keyof ListState, unknown][]) {
    if (value === undefined) delete next[key];
    else Object.assign(next, { [key]: value });
  }
  const params = writeListState(next);
  const replaced = new Set(Object.keys(change).map((key) => paramOf[key as keyof ListState]));
  for (const [name, value] of current) {
    const owned = listParamNames.includes(name);
    if (!owned || (problems.includes(name) && !replaced.has(name))) params.append(name, value);
  }
  return params;
}
