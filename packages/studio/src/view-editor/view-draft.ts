import type { Blueprint, Filter, ObjectDefinition, View } from '../api/documents.js';
import type { Filter as RuleFilter } from '../api/roles.js';
import { pruneFilter } from '../roles/role-document.js';
import { columnFields, groupByFields, sortFields } from './view-fields.js';

const identifier = /^[a-z][a-z0-9_]{0,62}$/;
// As the engine's isReservedName: system columns and prototype names, and no "__" anywhere.
const reserved = new Set(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id', 'version', 'deleted_at', '__proto__', 'constructor', 'prototype']);

/** A mistake in a view that the studio catches before planning: where, and which message. */
export interface ViewProblem { pointer: string; code: string }

/** Why a view name is refused: empty, not an identifier, reserved, or another view's. */
export function viewNameProblem(name: string, views: readonly View[], ownId: string | undefined): string | undefined {
  if (name === '') return 'nameRequired';
  if (!identifier.test(name)) return 'nameRule';
  if (reserved.has(name) || name.includes('__')) return 'nameReserved';
  return views.some((view) => view.name === name && view.id !== ownId) ? 'nameTaken' : undefined;
}

/** A new table view of an object: its title field and first fields as columns. */
export function newView(object: ObjectDefinition): View {
  const names = columnFields(object).filter(({ field }) => field && field.type !== 'relation').map(({ name }) => name);
  const title = object.titleField && names.includes(object.titleField) ? [object.titleField] : [];
  const columns = [...title, ...names.filter((name) => name !== object.titleField)].slice(0, 6);
  return { id: '', name: '', object: object.name, label: { 'zh-CN': '', en: '' }, columns: (columns.length > 0 ? columns : ['created_at']).map((field) => ({ field })) };
}

/** Everything the editor can tell about a view before the server plans it. */
export function viewProblems(view: View, object: ObjectDefinition | undefined, views: readonly View[], ownId: string | undefined): ViewProblem[] {
  const problems: ViewProblem[] = [];
  const nameProblem = viewNameProblem(view.name, views, ownId);
  if (nameProblem) problems.push({ pointer: '/name', code: nameProblem });
  for (const locale of ['zh-CN', 'en'] as const) if (!view.label[locale]?.trim()) problems.push({ pointer: `/label/${locale}`, code: 'labelRequired' });
  if (!object) return [...problems, { pointer: '/object', code: 'objectRequired' }];
  if (view.columns.length === 0) problems.push({ pointer: '/columns', code: 'columnsRequired' });
  if (view.type === 'kanban' && !groupByFields(object).some(({ name }) => name === view.groupBy)) problems.push({ pointer: '/groupBy', code: 'groupByRequired' });
  const sortable = new Set(sortFields(object).map(({ name }) => name));
  view.sort?.forEach((key, index) => { if (!sortable.has(key.field)) problems.push({ pointer: `/sort/${index}/field`, code: 'sortField' }); });
  return problems;
}

/** A stable id for a new view: its name, made unique among the blueprint's view ids. */
function newId(name: string, views: readonly View[]): string {
  const taken = new Set(views.map((view) => view.id));
  let id = name;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${name}_${suffix}`;
  return id;
}

/** The view as it is saved: labels trimmed, groupBy only on a kanban, empty filter groups and lists left out. */
export function viewToSave(draft: View, views: readonly View[]): View {
  const { groupBy, filter, sort, pageSize, ...rest } = draft;
  const kept = pruneFilter(filter as RuleFilter | undefined) as Filter | undefined;
  return {
    ...rest,
    id: draft.id || newId(draft.name, views),
    label: { 'zh-CN': draft.label['zh-CN'].trim(), en: draft.label.en.trim() },
    ...(draft.type === 'kanban' && groupBy ? { groupBy } : {}),
    ...(kept ? { filter: kept } : {}),
    ...(sort && sort.length > 0 ? { sort } : {}),
    ...(pageSize ? { pageSize } : {}),
  };
}

/** JSON with every object's keys sorted: the same document whatever order its keys were stored in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) => (inner && typeof inner === 'object' && !Array.isArray(inner)
    ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
    : inner));
}

/** Whether saving would change nothing (the server stores documents with their keys reordered). */
export function isSameView(a: View, b: View): boolean {
  return canonical(a) === canonical(b);
}

/** The next blueprint with a view saved: in place of the view with `originalId`, else added at the end. */
export function upsertView(blueprint: Blueprint, view: View, originalId: string | undefined): Blueprint {
  const views = blueprint.views ?? [];
  const index = originalId === undefined ? -1 : views.findIndex((candidate) => candidate.id === originalId);
  return { ...blueprint, views: index < 0 ? [...views, view] : views.map((candidate, at) => (at === index ? view : candidate)) };
}

/** The next blueprint without the view of this id. */
export function removeView(blueprint: Blueprint, id: string): Blueprint {
  return { ...blueprint, views: (blueprint.views ?? []).filter((view) => view.id !== id) };
}
