import type { Filter, ObjectPermission, RoleDocument } from '../api/roles.js';
import type { Action, FieldAccess } from '../api/types.js';

/** The key of the defaults: objects (and fields) not named take what "*" says. */
export const anyKey = '*';

/** System columns a rule or a field grid may name besides the blueprint's fields. */
export const systemFields = ['owner_id', 'created_by', 'updated_by', 'created_at', 'updated_at'] as const;

const noPermission: ObjectPermission = { actions: [] };

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** What applies to an object: its own entry, else the "*" entry, else nothing. */
export function effectivePermission(document: RoleDocument, object: string): ObjectPermission {
  return document.objects[object] ?? document.objects[anyKey] ?? noPermission;
}

/** Whether the object has its own entry (rather than taking the defaults). */
export function hasOwnEntry(document: RoleDocument, object: string): boolean {
  return Object.hasOwn(document.objects, object);
}

/** The access a field gets: named, else the object's "*", else read (as the server decides). */
export function effectiveFieldAccess(permission: ObjectPermission, field: string): FieldAccess {
  return permission.fields?.[field] ?? permission.fields?.[anyKey] ?? 'read';
}

/** Changes one object's entry, giving it its own copy of the defaults first (an entry replaces "*" whole). */
export function updateObject(document: RoleDocument, object: string, change: (permission: ObjectPermission) => void): RoleDocument {
  const next = clone(document);
  const permission = next.objects[object] ?? clone(effectivePermission(document, object));
  change(permission);
  next.objects = { ...next.objects, [object]: permission };
  return next;
}

/** Grants or withdraws one action on an object. */
export function setAction(document: RoleDocument, object: string, action: Action, granted: boolean): RoleDocument {
  return updateObject(document, object, (permission) => {
    const actions = new Set(permission.actions);
    if (granted) actions.add(action); else actions.delete(action);
    permission.actions = [...actions];
  });
}

/** Sets a field's access, or (undefined) lets it take the object's default again. */
export function setFieldAccess(document: RoleDocument, object: string, field: string, access: FieldAccess | undefined): RoleDocument {
  return updateObject(document, object, (permission) => {
    const fields = { ...permission.fields };
    if (access === undefined) delete fields[field]; else fields[field] = access;
    permission.fields = fields;
  });
}

/** Sets an object's row rule; an empty rule means every row. */
export function setRows(document: RoleDocument, object: string, rows: Filter | undefined): RoleDocument {
  return updateObject(document, object, (permission) => {
    if (rows === undefined) delete permission.rows; else permission.rows = rows;
  });
}

/** Drops an object's own entry so that it takes the defaults again. */
export function resetObject(document: RoleDocument, object: string): RoleDocument {
  const next = clone(document);
  delete next.objects[object];
  return next;
}

/** Removes groups left empty by the builder; undefined when nothing is left. */
export function pruneFilter(filter: Filter | undefined): Filter | undefined {
  if (!filter) return undefined;
  if ('and' in filter || 'or' in filter) {
    const kind = 'and' in filter ? 'and' : 'or';
    const parts = ('and' in filter ? filter.and : filter.or).map(pruneFilter).filter((part): part is Filter => part !== undefined);
    if (parts.length === 0) return undefined;
    return kind === 'and' ? { and: parts } : { or: parts };
  }
  if ('not' in filter) {
    const inner = pruneFilter(filter.not);
    return inner ? { not: inner } : undefined;
  }
  return filter.field ? filter : undefined;
}

/** The document to save: empty rules pruned. */
export function documentToSave(document: RoleDocument): RoleDocument {
  const next = clone(document);
  for (const permission of Object.values(next.objects)) {
    const rows = pruneFilter(permission.rows);
    if (rows === undefined) delete permission.rows; else permission.rows = rows;
  }
  return next;
}

/** A new role's document from an existing one (a built-in role is copied this way). */
export function copyDocument(source: RoleDocument | undefined, name: string): RoleDocument {
  if (!source) return { name, label: { 'zh-CN': name, en: name }, capabilities: [], objects: { [anyKey]: { actions: ['read'], fields: { [anyKey]: 'read' } } } };
  const next = clone(source);
  next.name = name;
  return next;
}
