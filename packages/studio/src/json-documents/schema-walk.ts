import type { JsonSchema } from './schema-bundle.js';
import type { DocumentPath } from './syntax-path.js';

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local reference ("#/$defs/common/$defs/Identifier") in a bundled schema. */
function resolve(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(1).split('/').slice(1)) {
    node = isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return isObject(node) ? node : undefined;
}

/**
 * A schema and every schema that also applies at its place: its $ref and allOf/anyOf/oneOf
 * branches. if/then/else are left out: ours only make properties required in some cases, which
 * a suggestion cannot know.
 */
function expand(root: JsonSchema, schema: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  const ref = typeof schema.$ref === 'string' ? resolve(root, schema.$ref) : undefined;
  if (ref) out.push(...expand(root, ref, seen));
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const branch of list) if (isObject(branch)) out.push(...expand(root, branch, seen));
  }
  return out;
}

function step(schema: JsonSchema, segment: string | number): JsonSchema[] {
  if (typeof segment === 'number') {
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[])[segment] : undefined;
    const item = isObject(prefix) ? prefix : schema.items;
    return isObject(item) ? [item] : [];
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Object.hasOwn(properties, segment) && isObject(properties[segment])) return [properties[segment]];
  return isObject(schema.additionalProperties) ? [schema.additionalProperties] : [];
}

/** The schemas that apply at a path of a document (every branch taken: for suggestions, not validation). */
export function schemasAt(root: JsonSchema, path: DocumentPath): JsonSchema[] {
  let current = expand(root, root);
  for (const segment of path) current = current.flatMap((schema) => step(schema, segment)).flatMap((schema) => expand(root, schema));
  return current;
}

/** A property the schemas allow, its description and whether it is required. */
export interface PropertySuggestion { name: string; description: string | undefined; required: boolean }

/** The properties an object may have at a place, in the schemas' order. */
export function propertySuggestions(root: JsonSchema, schemas: JsonSchema[]): PropertySuggestion[] {
  const found = new Map<string, PropertySuggestion>();
  const required = new Set(schemas.flatMap((schema) => (Array.isArray(schema.required) ? schema.required.map(String) : [])));
  for (const schema of schemas) {
    if (!isObject(schema.properties)) continue;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (found.has(name) || name === '$schema' || !isObject(property)) continue;
      const described = expand(root, property).find((candidate) => typeof candidate.description === 'string');
      found.set(name, { name, description: described?.description as string | undefined, required: required.has(name) });
    }
  }
  return [...found.values()];
}

/** The values a place allows by name: enum members, consts and booleans. */
export function valueSuggestions(schemas: JsonSchema[]): unknown[] {
  const values = schemas.flatMap((schema) => [
    ...(Array.isArray(schema.enum) ? schema.enum : []),
    ...('const' in schema ? [schema.const] : []),
    ...(schema.type === 'boolean' ? [true, false] : []),
  ]);
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(JSON.stringify(value)) && seen.add(JSON.stringify(value)));
}
