import type { FastifyPluginAsync } from 'fastify';
import type { Tessera } from '@tessera/core';

/** Data-subject requests: export, erase, consents. */
export function privacyRoutes(_tessera: Tessera): FastifyPluginAsync {
  return async () => {};
}
