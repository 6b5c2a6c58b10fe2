import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** The committed output of `pnpm gen:types`. */
export const generatedTypesFile = fileURLToPath(new URL('../src/documents/generated-types.ts', import.meta.url));

/** Renders the TypeScript declarations of the blueprint schema and everything it references. */
export async function renderDocumentTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(`${schemasDir}blueprint.schema.json`, 'utf8')) as JSONSchema;
  return compile(schema, 'Blueprint', {
    cwd: schemasDir,
    bannerComment: '/* Generated from schemas/*.schema.json by `pnpm gen:types`. Do not edit by hand. */',
    additionalProperties: false,
    unreachableDefinitions: false,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true },
  });
}
