import type { FastifyPluginAsync } from 'fastify';
import { KeyRotationJob, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';

/**
 * Key rotation for platform admins (/api/platform/rotate-keys): POST starts re-encrypting every
 * workspace's values under the current key in the background and answers 202 with its status (a
 * run already going is answered as it stands); GET shows the progress. The run stops after its
 * batch when the server closes; starting it again goes on from there.
 */
export function keyRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const job = new KeyRotationJob(tessera, (error) => app.log.error({ err: error }, 'key rotation failed / 密钥轮换失败'));
    app.addHook('onClose', async () => job.stop());
    app.post('/rotate-keys', async (request, reply) => reply.code(202).send({ data: job.start(principalOf(request)) }));
    app.get('/rotate-keys', async (request) => ({ data: job.status(principalOf(request)) }));
  };
}
