import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  addMember, changeMember, membersOf, myAccess, putRole, queryAudit, removeMember, removeRole, rolesOf, type Tessera,
} from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject } from '../http/body-object.js';

type WorkspaceRequest = FastifyRequest<{ Params: { workspace: string; name: string; userId: string }; Querystring: Record<string, unknown> }>;

/** The caller's permissions, members, roles and the audit log of a workspace. */
export function accessRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const scope = (request: WorkspaceRequest) => tessera.memberScope(request.params.workspace, principalOf(request));
    const changed = () => tessera.access.forget();

    app.get('/me', async (request: WorkspaceRequest) => myAccess((await scope(request)).access));
    app.get('/members', async (request: WorkspaceRequest) => ({ data: await membersOf(await scope(request)) }));
    app.post('/members', async (request: WorkspaceRequest, reply) => {
      await addMember(await scope(request), tessera.accounts, bodyObject(request));
      changed();
      return reply.code(201).send({ data: await membersOf(await scope(request)) });
    });
    app.patch('/members/:userId', async (request: WorkspaceRequest) => {
      await changeMember(await scope(request), request.params.userId, bodyObject(request));
      changed();
      return { data: await membersOf(await scope(request)) };
    });
    app.delete('/members/:userId', async (request: WorkspaceRequest) => {
      await removeMember(await scope(request), request.params.userId);
      changed();
      return { data: await membersOf(await scope(request)) };
    });
    app.get('/roles', async (request: WorkspaceRequest) => ({ data: await rolesOf(await scope(request)) }));
    app.put('/roles/:name', async (request: WorkspaceRequest) => {
      const target = await scope(request);
      const role = await putRole(target, target.model, request.params.name, bodyObject(request).document);
      changed();
      return { data: role };
    });
    app.delete('/roles/:name', async (request: WorkspaceRequest) => {
      await removeRole(await scope(request), request.params.name);
      changed();
      return { deleted: request.params.name };
    });
    app.get('/audit', async (request: WorkspaceRequest) => {
      const target = await scope(request);
      target.access.requireCapability('audit');
      return queryAudit(target.knex, target.schema, request.query);
    });
  };
}
