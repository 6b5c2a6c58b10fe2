import type { ObjectAccess } from '../access/index.js';
import { qualified } from '../schema/index.js';
import { compileFilter, type CompileOptions, type SqlPart } from './compile-filter.js';
import type { DataContext } from './data-context.js';

const compiled = new WeakMap<ObjectAccess, Map<string, SqlPart | null>>();

/**
 * The SQL condition a role's row rule puts on one object's rows, over the row aliased `alias`:
 * inline when the rule reads only the object's own columns, else an EXISTS over the object's
 * table with the rule's own joins (so that it fits an UPDATE's WHERE, an ON CONFLICT's WHERE and
 * a JOIN's ON alike). Undefined when the role sees every row. Compiled once per role, user and
 * blueprint version (the ObjectAccess) and alias.
 */
export function rowScope(context: DataContext, access: ObjectAccess, alias: string): SqlPart | undefined {
  if (access.rows === undefined) return undefined;
  let byAlias = compiled.get(access);
  if (!byAlias) compiled.set(access, byAlias = new Map());
  let part = byAlias.get(alias);
  if (part === undefined) {
    const objects = context.model.definitions;
    const inline = compileFilter(access.rows, access.object.name, objects, context.schema, { alias, joinPrefix: `${alias}_r`, keys: context.keys });
    if (inline.joins.length === 0) {
      part = { sql: `COALESCE(${inline.sql}, FALSE)`, bindings: inline.bindings };
    } else {
      const inner = `${alias}_s`;
      const rule = compileFilter(access.rows, access.object.name, objects, context.schema, { alias: inner, joinPrefix: `${inner}_r`, keys: context.keys });
      const joins = rule.joins.map((join) => ` LEFT JOIN ${join.table} AS ${join.alias} ON ${join.on}`).join('');
      part = {
        sql: `EXISTS (SELECT 1 FROM ${qualified(context.schema, access.object.name)} AS ${inner}${joins} WHERE ${inner}.id = ${alias}.id AND ${rule.sql})`,
        bindings: [...rule.joins.flatMap((join) => join.bindings), ...rule.bindings],
      };
    }
    byAlias.set(alias, part);
  }
  return part ?? undefined;
}

/** Joined objects are held to the caller's row rule on them too (see compileFilter's scopeJoin). */
export function scopeJoins(context: DataContext): (objectName: string, alias: string) => SqlPart | undefined {
  return (objectName, alias) => {
    const access = context.access.visible(objectName);
    return access ? rowScope(context, access, alias) : { sql: 'FALSE', bindings: [] };
  };
}

/** How a request's filter compiles for this context: joined objects under the caller's row rules, encrypted fields looked up with its key ring. */
export function filterOptions(context: DataContext): CompileOptions {
  return { scopeJoin: scopeJoins(context), keys: context.keys };
}
