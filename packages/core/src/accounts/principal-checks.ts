import { requireScope, type Principal } from '../access/index.js';
import { TesseraError } from '../errors/index.js';

/**
 * Platform administration (users, the platform audit): a platform admin's session, system mode,
 * or an API key of a platform admin that has the `admin` scope and is bound to no workspace.
 */
export function requirePlatformAdmin(principal: Principal): void {
  requireScope(principal, 'admin');
  if (principal.kind === 'api_key' && principal.workspaceId !== undefined) {
    throw new TesseraError('FORBIDDEN', {}, { details: { reason: 'a key bound to a workspace cannot administer the platform' } });
  }
  if (!principal.platformAdmin) throw new TesseraError('FORBIDDEN', {}, { details: { reason: 'platform admins only' } });
}

/**
 * What only the person may do (change their password, create or revoke API keys): a signed-in
 * session. An API key cannot mint a wider key or take over its owner's password.
 */
export function requireSessionUser(principal: Principal): void {
  if (principal.kind !== 'user') throw new TesseraError('FORBIDDEN', {}, { details: { reason: 'sign in to do this; an API key cannot' } });
}
