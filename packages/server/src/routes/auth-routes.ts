import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Accounts } from '@tessera/core';
import { bodyObject } from '../http/body-object.js';
import { principalOf, sourceOf } from '../http/authenticate.js';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.js';

/** How many sign-ins one IP may attempt per minute (the email lock-out is the other guard). */
export const signInsPerMinute = 30;

/**
 * Sign-in, sign-out, the current session, one's own password and API keys. Sign-in is rate
 * limited per IP as the server sees it (request.ip: the socket's address unless a trusted proxy
 * is configured), never by anything the client claims.
 */
export function authRoutes(accounts: Accounts, options: { signInsPerMinute?: number } = {}): FastifyPluginAsync {
  return async (app) => {
    const rateLimit = { max: options.signInsPerMinute ?? signInsPerMinute, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => request.ip };
    app.post('/sign-in', { config: { rateLimit } }, async (request, reply) => {
      const body = bodyObject(request);
      const signedIn = await accounts.signIn(body.email, body.password, sourceOf(request, 'studio'));
      setSessionCookie(reply, request, signedIn.token);
      return { user: signedIn.user, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
    });
    app.post('/sign-out', async (request, reply) => {
      const authentication = request.authentication;
      if (authentication?.sessionToken) await accounts.signOut(authentication.sessionToken, authentication.principal);
      clearSessionCookie(reply, request);
      return { signedOut: true };
    });
    app.get('/session', async (request) => ({ ...await accounts.describe(principalOf(request)), csrfToken: request.authentication?.csrfToken ?? null }));
    app.post('/password', async (request, reply) => {
      const body = bodyObject(request);
      await accounts.changePassword(principalOf(request), body.current, body.next);
      clearSessionCookie(reply, request);
      return { changed: true, signedOut: true };
    });
    app.get('/api-keys', async (request) => ({ data: await accounts.listApiKeys(principalOf(request)) }));
    app.post('/api-keys', async (request, reply) => reply.code(201).send({ data: await accounts.createApiKey(principalOf(request), bodyObject(request)) }));
    app.delete('/api-keys/:id', async (request: FastifyRequest<{ Params: { id: string } }>) => ({ data: await accounts.revokeApiKey(principalOf(request), request.params.id) }));
  };
}
