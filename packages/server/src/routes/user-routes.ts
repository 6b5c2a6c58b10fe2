import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requirePlatformAdmin, type Accounts } from '@tessera/core';
import { bodyObject } from '../http/body-object.js';
import { principalOf } from '../http/authenticate.js';

type UserRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, unknown> }>;

/**
 * Platform administration of users and the platform audit log (/api/platform/…). Every route
 * here is for platform admins (an API key needs the `admin` scope): checked once for the whole
 * plugin before any handler, and again by each core operation.
 */
export function userRoutes(accounts: Accounts): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', async (request) => requirePlatformAdmin(principalOf(request)));
    app.get('/users', async (request) => ({ data: await accounts.listUsers(principalOf(request)) }));
    app.post('/users', async (request, reply) => reply.code(201).send({ data: await accounts.createUser(principalOf(request), bodyObject(request)) }));
    app.get('/users/:id', async (request: UserRequest) => ({ data: await accounts.getUser(principalOf(request), request.params.id) }));
    app.patch('/users/:id', async (request: UserRequest) => ({ data: await accounts.updateUser(principalOf(request), request.params.id, bodyObject(request)) }));
    app.post('/users/:id/password', async (request: UserRequest, reply) => {
      await accounts.setPassword(principalOf(request), request.params.id, bodyObject(request).password);
      return reply.code(204).send();
    });
    app.get('/audit', async (request: UserRequest) => accounts.listAudit(principalOf(request), request.query));
  };
}
