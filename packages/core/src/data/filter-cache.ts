import type { ObjectDefinition } from '../documents/index.js';
import { compileFilter, type CompileOptions, type CompiledFilter } from './compile-filter.js';

/** Distinct filters remembered per blueprint version; the oldest is forgotten first. */
const maxFilters = 500;
const caches = new WeakMap<ReadonlyMap<string, ObjectDefinition>, Map<string, CompiledFilter>>();

/**
 * compileFilter, remembered by the filter's JSON text: a list paged or refreshed sends the same
 * filter again and again (only the cursor changes), and validating and compiling it is the
 * largest part of the engine's own work on a list request. Keyed by the blueprint version's
 * object map, so an apply starts afresh, and by `scopeKey`, which names the caller's row rules
 * that the options' scopeJoin puts into joins. Compiled filters are shared: never mutate one.
 */
export function compileFilterText(
  text: string, objectName: string, objects: ReadonlyMap<string, ObjectDefinition>, schema: string, parsed: unknown, scopeKey = '', options: CompileOptions = {},
): CompiledFilter {
  let cache = caches.get(objects);
  if (!cache) caches.set(objects, cache = new Map());
  // Blind indexes in the bindings depend on the keys: a ring with other keys compiles its own.
  const key = `${schema}\u0000${objectName}\u0000${scopeKey}\u0000${options.keys?.keyIds.join(',') ?? ''}\u0000${text}`;
  const found = cache.get(key);
  if (found) return found;
  const compiled = Object.freeze(compileFilter(parsed, objectName, objects, schema, options));
  if (cache.size >= maxFilters) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}
