import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generatedTypesFile, renderDocumentTypes } from '../../scripts/render-document-types.js';

describe('generated document types', () => {
  it('match what schemas/*.schema.json generate', async () => {
    const committed = await readFile(generatedTypesFile, 'utf8');
    const generated = await renderDocumentTypes();
    expect(committed, 'packages/core/src/documents/generated-types.ts is stale: run pnpm gen:types').toBe(generated);
  });
});
