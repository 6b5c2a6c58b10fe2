import { resolveFieldPath, type BlueprintModel, type Field, type Filter, type ObjectModel, type View } from '../documents/index.js';

/**
 * The stable ids behind the names a saved view uses, so that it follows renames: its object's id,
 * and per path the id of each field along it (a system column as `$name`; ids never start with `$`).
 */
export interface ViewReferences {
  object: string;
  paths: Record<string, string[]>;
}

function mapFilter(filter: Filter, rename: (path: string) => string): Filter {
  if ('and' in filter) return { and: filter.and.map((part) => mapFilter(part, rename)) };
  if ('or' in filter) return { or: filter.or.map((part) => mapFilter(part, rename)) };
  if ('not' in filter) return { not: mapFilter(filter.not, rename) };
  return { ...filter, field: rename(filter.field) };
}

/** The view with every field path it names (columns, sort, lanes, filter) passed through `rename`. */
function mapPaths(view: View, rename: (path: string) => string): View {
  return {
    ...view,
    columns: view.columns.map((column) => ({ ...column, field: rename(column.field) })),
    ...(view.sort ? { sort: view.sort.map((key) => ({ ...key, field: rename(key.field) })) } : {}),
    ...(view.groupBy !== undefined ? { groupBy: rename(view.groupBy) } : {}),
    ...(view.filter ? { filter: mapFilter(view.filter, rename) } : {}),
  };
}

/** The ids behind the names of a view that has passed validation against `model`. */
export function viewReferences(view: View, model: BlueprintModel): ViewReferences {
  const paths: Record<string, string[]> = {};
  mapPaths(view, (path) => {
    const resolved = resolveFieldPath(path, view.object, model.definitions);
    if (resolved) paths[path] = [...resolved.hops.map((hop) => hop.field.id), resolved.field?.id ?? `$${resolved.column}`];
    return path;
  });
  return { object: model.objects.get(view.object)!.definition.id, paths };
}

/** The path the ids name in the live blueprint, or undefined when a field along it is gone. */
function currentPath(ids: string[], object: ObjectModel, model: BlueprintModel): string | undefined {
  const names: string[] = [];
  let current: ObjectModel | undefined = object;
  for (const id of ids) {
    if (!current) return undefined;
    if (id.startsWith('$')) {
      names.push(id.slice(1));
      break;
    }
    const field: Field | undefined = current.definition.fields.find((candidate) => candidate.id === id);
    if (!field) return undefined;
    names.push(field.name);
    current = field.relation ? model.objects.get(field.relation.target) : undefined;
  }
  return names.join('.');
}

/**
 * A saved view with the names of its object and fields as the live blueprint calls them now.
 * A name whose field is gone is left as saved: the view's checks then leave it out.
 */
export function followRenames(view: View, references: ViewReferences, model: BlueprintModel): View {
  const object = [...model.objects.values()].find((candidate) => candidate.definition.id === references.object);
  if (!object) return view;
  const rename = (path: string) => (Object.hasOwn(references.paths, path) ? currentPath(references.paths[path]!, object, model) ?? path : path);
  return { ...mapPaths(view, rename), object: object.name };
}
