import type { Principal } from '../access/index.js';
import { TesseraError } from '../errors/index.js';

/**
 * Workspace administration is for platform admins (implementers) and system mode only. Checked by
 * every operation here, so the HTTP routes, the CLI and any later caller share one rule.
 */
export function requirePlatformAdmin(principal: Principal): void {
  if (!principal.platformAdmin) throw new TesseraError('FORBIDDEN');
}
