import type { FastifyPluginAsync } from 'fastify';
import type { Tessera } from '@tessera/core';

/** Platform administration of workspaces: create from a template, list, rename, archive, export, clone. */
export function workspaceRoutes(_tessera: Tessera): FastifyPluginAsync {
  return async () => {};
}
