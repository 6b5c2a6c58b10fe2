import { TesseraError } from '../errors/index.js';

/** A saved view as a client sends it: the view document, whether it is shared, the version read (updates). */
export interface SavedViewInput {
  view: unknown;
  shared?: boolean;
  version?: number;
}

/** Largest view document kept: far above any real view (100 columns, a filter of some hundred conditions). */
const maxSavedViewBytes = 64 * 1024;

const allowedKeys = new Set(['view', 'shared', 'version']);

function badRequest(reason: string): never {
  throw new TesseraError('BAD_REQUEST', { reason });
}

/**
 * Reads a create (`{ shared?, view }`) or update (`{ shared?, view, version }`) body. Unknown keys
 * and wrong types are refused (400), not ignored: a typo must not save something else than meant.
 */
export function readSavedViewInput(body: Record<string, unknown>, mode: 'create' | 'update'): SavedViewInput {
  for (const key of Object.keys(body)) if (!allowedKeys.has(key) || (key === 'version' && mode === 'create')) badRequest(`unknown key ${JSON.stringify(key.slice(0, 64))}`);
  if (body.view === undefined) badRequest('the body must hold the view document in "view"');
  if (body.shared !== undefined && typeof body.shared !== 'boolean') badRequest('shared must be true or false');
  if (mode === 'update' && (!Number.isInteger(body.version) || (body.version as number) < 1)) badRequest('version must be the version read, a positive integer');
  if (Buffer.byteLength(JSON.stringify(body.view)) > maxSavedViewBytes) badRequest(`a view document is at most ${maxSavedViewBytes / 1024} KiB`);
  return {
    view: body.view,
    ...(body.shared !== undefined ? { shared: body.shared } : {}),
    ...(mode === 'update' ? { version: body.version as number } : {}),
  };
}
