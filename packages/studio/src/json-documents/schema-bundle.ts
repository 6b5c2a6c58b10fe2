/** A JSON Schema as plain data (the repository's schemas are objects, never booleans). */
export type JsonSchema = { [keyword: string]: unknown };

// Keywords whose values are data, not schemas: a "$ref" inside them is not a reference.
const dataKeywords = new Set(['enum', 'const', 'default', 'examples']);

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The short name of a schema file in the bundle's $defs: ".../view.schema.json" → "view". */
function keyOf(id: string): string {
  const file = new URL(id).pathname.split('/').pop() ?? '';
  return file.replace(/\.schema\.json$/, '');
}

function splitRef(ref: string, base: string): { document: string; fragment: string } {
  const url = new URL(ref, base);
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  url.hash = '';
  if (fragment !== '' && !fragment.startsWith('/')) throw new Error(`Schema reference ${ref} in ${base} is an anchor; only JSON pointers are bundled`);
  return { document: url.href, fragment };
}

function rewrite(value: unknown, visit: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, visit));
  if (!isObject(value)) return value;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') out[key] = visit(child);
    else out[key] = dataKeywords.has(key) ? child : rewrite(child, visit);
  }
  return out;
}

/**
 * Bundles the schema whose $id is `rootId` with every schema it reaches by $ref (resolved by
 * $id) into one self-contained schema: each other file sits under `$defs/<name>` (common,
 * filter…) and every reference becomes a local pointer. The browser then validates and walks a
 * single document, with no loader. Throws on a reference to a schema it was not given.
 */
export function bundleSchema(rootId: string, schemas: readonly JsonSchema[]): JsonSchema {
  const byId = new Map(schemas.map((schema) => [String(schema.$id), schema] as const));
  const rewritten = new Map<string, JsonSchema>();
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (rewritten.has(id)) continue;
    const schema = byId.get(id);
    if (!schema) throw new Error(`Unknown schema ${id}`);
    rewritten.set(id, rewrite(schema, (ref) => {
      const { document, fragment } = splitRef(ref, id);
      if (!byId.has(document)) throw new Error(`Schema reference ${ref} in ${id} names an unknown schema`);
      pending.push(document);
      return document === rootId ? `#${fragment}` : `#/$defs/${keyOf(document)}${fragment}`;
    }) as JsonSchema);
  }
  const root = rewritten.get(rootId)!;
  const defs: JsonSchema = { ...(isObject(root.$defs) ? root.$defs : {}) };
  for (const [id, schema] of rewritten) {
    if (id === rootId) continue;
    const key = keyOf(id);
    if (key in defs) throw new Error(`Schema ${id} would replace $defs/${key} of ${rootId}`);
    const { $id: _id, $schema: _schema, ...rest } = schema;
    defs[key] = rest;
  }
  return { ...root, $defs: defs };
}
