/**
 * Generates the TypeScript types of every document from schemas/*.schema.json, so that the
 * schemas stay the single source. Run `pnpm gen:types`; a test fails when the output is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderDocumentTypes } from './render-document-types.js';

const target = fileURLToPath(new URL('../src/documents/generated-types.ts', import.meta.url));
await writeFile(target, await renderDocumentTypes());
console.log(`wrote ${target}`);
