import {
  checkFilterReferences, documentValidator, ajvErrorsToFieldErrors, resolveFieldPath, type Filter, type FilterCondition,
  type ObjectDefinition, type ResolvedPath,
} from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { blindIndexColumn, qualified, quoteIdent } from '../schema/index.js';
import type { KeyRing } from '../personal/index.js';
import { encryptedConditionSql } from './encrypted-condition.js';

/** SQL text with its bound values, in order. */
export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** One LEFT JOIN of a filter; `bindings` belong to its ON clause. */
export interface FilterJoin {
  alias: string;
  table: string;
  on: string;
  bindings: unknown[];
}

/**
 * How a filter is compiled: the root table's alias, the prefix of join aliases (so that two
 * compiled filters can share a FROM), and the condition a joined object's rows must meet (the
 * caller's row rule for that object: a condition through a relation must not see rows the caller
 * cannot).
 */
export interface CompileOptions {
  alias?: string;
  joinPrefix?: string;
  scopeJoin?: (objectName: string, alias: string) => SqlPart | undefined;
  /** The key ring that computes blind indexes: needed by lookups on encrypted fields. */
  keys?: KeyRing;
}

interface JoinPlan {
  aliases: Map<string, string>;
  joins: FilterJoin[];
  options: Required<Pick<CompileOptions, 'alias' | 'joinPrefix'>> & CompileOptions;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function columnRef(resolved: ResolvedPath, joins: JoinPlan, schema: string): string {
  if (resolved.hops.length === 0) return `${joins.options.alias}.${quoteIdent(resolved.column)}`;
  let from = joins.options.alias;
  let prefix = '';
  for (const hop of resolved.hops) {
    prefix = prefix ? `${prefix}.${hop.field.name}` : hop.field.name;
    let alias = joins.aliases.get(prefix);
    if (!alias) {
      alias = `${joins.options.joinPrefix}${joins.aliases.size + 1}`;
      joins.aliases.set(prefix, alias);
      const scope = joins.options.scopeJoin?.(hop.to, alias);
      const on = `${alias}.id = ${from}.${quoteIdent(hop.field.name)} AND ${alias}.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''}`;
      joins.joins.push({ alias, table: qualified(schema, hop.to), on, bindings: scope?.bindings ?? [] });
    }
    from = alias;
  }
  return `${from}.${quoteIdent(resolved.column)}`;
}

function conditionSql(condition: FilterCondition, column: string, resolved: ResolvedPath): { sql: string; bindings: unknown[] } {
  const value = condition.value as never;
  const list = value as unknown[];
  const multi = resolved.kind === 'multi_select';
  switch (condition.op) {
    case 'eq': return { sql: `${column} = ?`, bindings: [value] };
    case 'ne': return { sql: `${column} IS DISTINCT FROM ?`, bindings: [value] };
    case 'lt': return { sql: `${column} < ?`, bindings: [value] };
    case 'lte': return { sql: `${column} <= ?`, bindings: [value] };
    case 'gt': return { sql: `${column} > ?`, bindings: [value] };
    case 'gte': return { sql: `${column} >= ?`, bindings: [value] };
    case 'between': return { sql: `${column} BETWEEN ? AND ?`, bindings: [list[0], list[1]] };
    case 'in':
      if (multi) return { sql: `${column} && ?::text[]`, bindings: [list] };
      return { sql: `${column} IN (${list.map(() => '?').join(', ')})`, bindings: list };
    case 'nin': return { sql: `(${column} IS NULL OR ${column} NOT IN (${list.map(() => '?').join(', ')}))`, bindings: list };
    case 'contains':
      if (multi) return { sql: `${column} @> ARRAY[?]::text[]`, bindings: [value] };
      return { sql: `${column} ILIKE ?`, bindings: [`%${escapeLike(String(value))}%`] };
    case 'starts_with': return { sql: `${column} ILIKE ?`, bindings: [`${escapeLike(String(value))}%`] };
    case 'is_null': {
      const empty = multi ? ` OR cardinality(${column}) = 0` : '';
      return value === false ? { sql: `(${column} IS NOT NULL${multi ? ` AND cardinality(${column}) > 0` : ''})`, bindings: [] } : { sql: `(${column} IS NULL${empty})`, bindings: [] };
    }
  }
}

function compile(filter: Filter, objectName: string, objects: ReadonlyMap<string, ObjectDefinition>, joins: JoinPlan, schema: string): { sql: string; bindings: unknown[] } {
  const combine = (parts: Filter[], glue: string) => {
    const compiled = parts.map((part) => compile(part, objectName, objects, joins, schema));
    if (compiled.length === 0) return { sql: glue === 'AND' ? 'TRUE' : 'FALSE', bindings: [] };
    return { sql: `(${compiled.map((part) => part.sql).join(` ${glue} `)})`, bindings: compiled.flatMap((part) => part.bindings) };
  };
  if ('and' in filter) return combine(filter.and, 'AND');
  if ('or' in filter) return combine(filter.or, 'OR');
  if ('not' in filter) {
    const inner = compile(filter.not, objectName, objects, joins, schema);
    return { sql: `NOT COALESCE(${inner.sql}, FALSE)`, bindings: inner.bindings };
  }
  const resolved = resolveFieldPath(filter.field, objectName, objects)!;
  const column = columnRef(resolved, joins, schema);
  if (resolved.field?.encrypted === true) {
    const object = objects.get(resolved.objectName)!;
    const indexColumn = columnRef({ ...resolved, column: blindIndexColumn(object.id, resolved.field.id) }, joins, schema);
    return encryptedConditionSql(filter, { column, indexColumn, object, field: resolved.field }, joins.options.keys);
  }
  return conditionSql(filter, column, resolved);
}

/** A compiled filter: a WHERE clause over alias `t` with bound values, and the joins it needs. */
export interface CompiledFilter {
  sql: string;
  bindings: unknown[];
  joins: FilterJoin[];
}

/**
 * Validates a filter (JSON Schema, then fields, operators and values) and compiles it to SQL.
 * Every value is a bound parameter; identifiers come only from the blueprint.
 */
export function compileFilter(filter: unknown, objectName: string, objects: ReadonlyMap<string, ObjectDefinition>, schema: string, options: CompileOptions = {}): CompiledFilter {
  const validate = documentValidator('filter');
  if (!validate(filter)) throw new TesseraError('INVALID_FILTER', { reason: 'malformed filter' }, { errors: ajvErrorsToFieldErrors(validate.errors, '/filter') });
  const errors = checkFilterReferences(filter as Filter, objectName, objects, '/filter');
  if (errors.length > 0) throw new TesseraError('INVALID_FILTER', { reason: errors[0]!.message.en }, { errors });
  const joins: JoinPlan = { aliases: new Map(), joins: [], options: { alias: 't', joinPrefix: 'j', ...options } };
  const compiled = compile(filter as Filter, objectName, objects, joins, schema);
  return { ...compiled, joins: joins.joins };
}
