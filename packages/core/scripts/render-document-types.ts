import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** The committed output of `pnpm gen:types`. */
export const generatedTypesFile = fileURLToPath(new URL('../src/documents/generated-types.ts', import.meta.url));

const options = {
  cwd: schemasDir,
  additionalProperties: false,
  unreachableDefinitions: false,
  ignoreMinAndMaxItems: true,
  style: { singleQuote: true },
};

/**
 * Renders the TypeScript declarations of every document kind. One synthetic root refers to each
 * top-level schema, so that shared definitions (the filter, identifiers) are declared once.
 */
export async function renderDocumentTypes(): Promise<string> {
  const root = {
    title: 'Documents',
    description: 'Every top-level document kind.',
    type: 'object',
    properties: { blueprint: { $ref: 'blueprint.schema.json' }, role: { $ref: 'role.schema.json' }, importMapping: { $ref: 'import-mapping.schema.json' }, dedupeRule: { $ref: 'dedupe-rule.schema.json' } },
    required: ['blueprint', 'role', 'importMapping', 'dedupeRule'],
    additionalProperties: false,
  } as JSONSchema;
  return compile(root, 'Documents', {
    ...options, bannerComment: '/* Generated from schemas/*.schema.json by `pnpm gen:types`. Do not edit by hand. */',
  });
}
