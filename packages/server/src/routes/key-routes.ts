import type { FastifyPluginAsync } from 'fastify';
import type { Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';

/**
 * Key rotation for platform admins (/api/platform/rotate-keys): POST queues the re-encryption of
 * every workspace's values under the current key (a job any server's worker runs) and answers 202
 * with its status (a run already queued or running is answered as it stands); GET shows the
 * progress. A server that closes midway releases the job; it goes on from there. `onStarted`
 * wakes this process's worker.
 */
export function keyRoutes(tessera: Tessera, onStarted: () => void): FastifyPluginAsync {
  return async (app) => {
    app.post('/rotate-keys', async (request, reply) => {
      const status = await tessera.keyRotation.start(principalOf(request));
      onStarted();
      return reply.code(202).send({ data: status });
    });
    app.get('/rotate-keys', async (request) => ({ data: await tessera.keyRotation.status(principalOf(request)) }));
  };
}
