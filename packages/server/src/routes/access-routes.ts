import type { FastifyPluginAsync } from 'fastify';
import type { Tessera } from '@tessera/core';

/** Members, roles, the caller's effective permissions and the audit log of a workspace. */
export function accessRoutes(_tessera: Tessera): FastifyPluginAsync {
  return async () => {};
}
