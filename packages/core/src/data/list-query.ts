import { TesseraError } from '../errors/index.js';
import { systemColumns, valueKindOf, type ObjectModel } from '../documents/index.js';

/** One sort key. */
export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

/** A parsed list request (from a query string or a JSON body). */
export interface ListQuery {
  filter?: unknown;
  sort: SortKey[];
  limit: number;
  offset?: number;
  cursor?: string;
  fields?: string[];
  include: string[];
  count: boolean;
  trashed: 'exclude' | 'only';
  /** Text to look for (see search-filter.ts), and optionally the fields to look in. */
  search?: string;
  searchFields?: string[];
}

/** Largest page a client may ask for. */
export const maxPageSize = 1000;
const defaultPageSize = 50;

function invalid(reason: string): never {
  throw new TesseraError('INVALID_QUERY', { reason });
}

/** The names a list request may use for one object, worked out once per blueprint version. */
interface ListVocabulary {
  columns: Set<string>;
  sortable: Set<string>;
  relations: Set<string>;
}

const vocabularies = new WeakMap<ObjectModel, ListVocabulary>();

function vocabulary(object: ObjectModel): ListVocabulary {
  let found = vocabularies.get(object);
  if (!found) {
    const unsortable = ['json', 'multi_select'];
    found = {
      columns: new Set<string>([...systemColumns, ...object.columnFields.map((field) => field.name)]),
      sortable: new Set<string>([...systemColumns, ...object.columnFields.filter((field) => !unsortable.includes(valueKindOf(field)) && field.encrypted !== true).map((field) => field.name)]),
      relations: new Set(object.definition.fields.filter((field) => field.type === 'relation').map((field) => field.name)),
    };
    vocabularies.set(object, found);
  }
  return found;
}

const knownParameters = new Set(['filter', 'sort', 'limit', 'offset', 'cursor', 'fields', 'include', 'count', 'trashed', 'search', 'search_fields']);
const maxSearchLength = 200;

function parseSort(object: ObjectModel, text: unknown): SortKey[] {
  if (text === undefined || text === '') return [{ field: 'created_at', direction: 'desc' }];
  if (typeof text !== 'string') invalid('sort must be a comma-separated list of fields');
  const allowed = vocabulary(object).sortable;
  return text.split(',').slice(0, 9).map((part) => {
    const direction = part.startsWith('-') ? 'desc' : 'asc';
    const field = part.replace(/^[-+]/, '');
    if (object.fields.get(field)?.encrypted === true) invalid(`cannot sort by "${field}": its values are encrypted`);
    if (!allowed.has(field)) invalid(`cannot sort by "${field.slice(0, 64)}"`);
    return { field, direction };
  });
}

function parseInteger(text: unknown, name: string, min: number, max: number): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = typeof text === 'number' ? text : typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) invalid(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

function parseList(object: ObjectModel, text: unknown, name: string, allowed: (field: string) => boolean): string[] {
  if (text === undefined || text === '') return [];
  const parts = Array.isArray(text) ? text : typeof text === 'string' ? text.split(',') : invalid(`${name} must be a comma-separated list`);
  return parts.map((part) => {
    if (typeof part !== 'string' || !allowed(part)) invalid(`${name}: "${String(part).slice(0, 64)}" is not a field of ${object.name}`);
    return part;
  });
}

function parseFilter(raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new TesseraError('INVALID_FILTER', { reason: 'the filter is not valid JSON' });
  }
}

/** Parses list parameters; every name is checked against the object (an allowlist). */
export function parseListQuery(object: ObjectModel, params: Record<string, unknown>): ListQuery {
  for (const key of Object.keys(params)) if (!knownParameters.has(key)) invalid(`unknown parameter "${key.slice(0, 64)}"`);
  const offset = parseInteger(params.offset, 'offset', 0, 10_000_000);
  const cursor = params.cursor === undefined || params.cursor === '' ? undefined : String(params.cursor);
  if (offset !== undefined && cursor !== undefined) invalid('use either offset or cursor, not both');
  const { columns, relations } = vocabulary(object);
  const trashed = params.trashed === undefined || params.trashed === 'false' ? 'exclude' : params.trashed === 'only' || params.trashed === 'true' ? 'only' : invalid('trashed must be only or false');
  const query: ListQuery = {
    filter: parseFilter(params.filter),
    sort: parseSort(object, params.sort),
    limit: parseInteger(params.limit, 'limit', 1, maxPageSize) ?? defaultPageSize,
    include: parseList(object, params.include, 'include', (name) => relations.has(name)),
    count: params.count === true || params.count === 'true',
    trashed,
  };
  if (offset !== undefined) query.offset = offset;
  if (cursor !== undefined) query.cursor = cursor;
  const fields = parseList(object, params.fields, 'fields', (name) => columns.has(name));
  if (fields.length > 0) query.fields = fields;
  if (params.search !== undefined && params.search !== '') {
    if (typeof params.search !== 'string' || params.search.trim().length === 0 || params.search.length > maxSearchLength) invalid(`search must be a text of 1 to ${maxSearchLength} characters`);
    query.search = params.search;
    const searchFields = parseList(object, params.search_fields, 'search_fields', (name) => columns.has(name));
    if (searchFields.length > 0) query.searchFields = searchFields;
  }
  return query;
}
