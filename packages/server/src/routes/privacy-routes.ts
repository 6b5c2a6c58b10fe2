import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { consentsOf, erasePerson, exportPerson, recordConsent, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';
import { bodyObject } from '../http/body-object.js';

type PrivacyRequest = FastifyRequest<{ Params: { workspace: string; object: string; id: string } }>;

/** Data-subject requests: export, erase, consents (docs/accounts-and-access.md, packages/core/src/privacy). */
export function privacyRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (app) => {
    const context = (request: PrivacyRequest) => tessera.data(request.params.workspace, principalOf(request));

    app.get('/:object/:id/export', async (request: PrivacyRequest, reply) => {
      const exported = await exportPerson(await context(request), request.params.object, request.params.id);
      const file = `${exported.subject.object}-${exported.subject.id}-${exported.exportedAt.slice(0, 10)}.json`;
      return reply.header('content-disposition', `attachment; filename="${file}"`).header('cache-control', 'no-store').send(exported);
    });
    app.post('/:object/:id/erase', async (request: PrivacyRequest) => {
      // Core checks access before the confirmation, so a caller without the capability learns only that (403).
      const confirm = (request.body as { confirm?: unknown } | null | undefined)?.confirm;
      return { data: await erasePerson(await context(request), request.params.object, request.params.id, { confirm }) };
    });
    app.get('/:object/:id/consents', async (request: PrivacyRequest) => consentsOf(await context(request), request.params.object, request.params.id));
    app.post('/:object/:id/consents', async (request: PrivacyRequest, reply) => {
      const data = await recordConsent(await context(request), request.params.object, request.params.id, bodyObject(request));
      return reply.code(201).send({ data });
    });
  };
}
