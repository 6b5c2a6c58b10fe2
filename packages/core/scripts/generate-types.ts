/**
 * Generates the TypeScript types of every document from schemas/*.schema.json, so that the
 * schemas stay the single source. Run `pnpm gen:types`; generated-types.test.ts fails when the
 * committed output is stale.
 */
import { writeFile } from 'node:fs/promises';
import { generatedTypesFile, renderDocumentTypes } from './render-document-types.js';

await writeFile(generatedTypesFile, await renderDocumentTypes());
console.log(`wrote ${generatedTypesFile}`);
