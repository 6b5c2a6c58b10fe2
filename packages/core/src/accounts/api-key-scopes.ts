import { apiKeyScopes, type ApiKeyScope } from '../access/index.js';
import { TesseraError } from '../errors/index.js';

/** A key's scopes from a request: a non-empty list of the known scopes (access/scopes.ts), each once; else 400. */
export function readScopes(value: unknown): ApiKeyScope[] {
  if (!Array.isArray(value) || value.length === 0) throw new TesseraError('BAD_REQUEST', { reason: `scopes must be a non-empty list of: ${apiKeyScopes.join(', ')}` });
  const unknown = value.filter((scope) => !apiKeyScopes.includes(scope as ApiKeyScope));
  if (unknown.length > 0) throw new TesseraError('BAD_REQUEST', { reason: `unknown scope ${String(unknown[0]).slice(0, 50)}; known: ${apiKeyScopes.join(', ')}` });
  return [...new Set(value as ApiKeyScope[])];
}
