import type { Action } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import type { Principal } from './principal.js';

/** Every scope an API key may hold (docs/accounts-and-access.md). */
export const apiKeyScopes = [
  'records:read', 'records:write', 'records:export', 'records:import', 'records:reveal', 'blueprint:read', 'blueprint:write', 'admin',
] as const;

/** One API key scope. */
export type ApiKeyScope = typeof apiKeyScopes[number];

const scopeOfAction: Record<Action, ApiKeyScope> = {
  read: 'records:read', create: 'records:write', update: 'records:write', delete: 'records:write',
  export: 'records:export', import: 'records:import', reveal: 'records:reveal',
};

/** The scope a record action needs. */
export function scopeForAction(action: Action): ApiKeyScope {
  return scopeOfAction[action];
}

/** Sessions and system principals hold every scope; an API key only those it was given. */
export function hasScope(principal: Principal, scope: ApiKeyScope): boolean {
  return principal.scopes === undefined || principal.scopes.includes(scope);
}

/** Throws SCOPE_DENIED when an API key lacks the scope. */
export function requireScope(principal: Principal, scope: ApiKeyScope): void {
  if (!hasScope(principal, scope)) throw new TesseraError('SCOPE_DENIED', { scope });
}
