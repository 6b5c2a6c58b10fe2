import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { TesseraError, sameSecret, type Accounts, type Principal, type RequestSource } from '@tessera/core';
import { clearSessionCookie, sessionCookie } from './session-cookie.js';

/** How a request proved who it is. */
export interface Authentication {
  principal: Principal;
  via: 'session' | 'api_key';
  /** The cookie's token (sign-out ends that session). */
  sessionToken?: string;
  /** What unsafe requests made with the cookie must send in X-CSRF-Token. */
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every request by the authentication hook; null when the caller is anonymous. */
    authentication: Authentication | null;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes anyone may call, by method and route pattern. Everything else under /api needs a principal. */
const publicRoutes = new Set(['GET /api/health', 'HEAD /api/health', 'POST /api/auth/sign-in']);

/**
 * Whether a request needs a principal. Decided on the route the router matched (not the raw URL,
 * which percent-encoding can disguise): every /api route but the public ones. A request no route
 * matched needs one when its path is under /api (a 401, not a 404, so routes cannot be probed);
 * the studio's own files and pages are public.
 */
function needsPrincipal(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined) return !publicRoutes.has(`${request.method} ${route}`) && (route === '/api' || route.startsWith('/api/'));
  return /^\/api(?:[/?#]|$)/i.test(request.url);
}

/** Where a request came from, for the principal and the audit log. */
export function sourceOf(request: FastifyRequest, channel: 'api' | 'studio'): RequestSource {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, requestId: String(request.id), ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 500) } : {}), channel };
}

async function identify(accounts: Accounts, request: FastifyRequest): Promise<Authentication | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    // A request that names a key is judged by that key alone, never by a cookie it also carries.
    const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    const principal = token ? await accounts.resolveApiKey(token, sourceOf(request, 'api')) : undefined;
    return principal ? { principal, via: 'api_key' } : null;
  }
  const sessionToken = request.cookies[sessionCookie];
  if (!sessionToken) return null;
  const session = await accounts.resolveSession(sessionToken, sourceOf(request, 'studio'));
  return session ? { principal: session.principal, via: 'session', sessionToken, csrfToken: session.csrfToken } : null;
}

function csrfMatches(request: FastifyRequest, expected: string | undefined): boolean {
  const given = request.headers['x-csrf-token'];
  return typeof given === 'string' && expected !== undefined && sameSecret(given, expected);
}

/**
 * Resolves every request's principal once, centrally: `Authorization: Bearer tsk_…` (an API key)
 * or the `tessera_session` cookie. Routes under /api other than the public ones answer 401
 * UNAUTHENTICATED without one; an unsafe request (POST, PUT, PATCH, DELETE) made with the cookie
 * must carry the session's token in X-CSRF-Token, else 403 CSRF_FAILED. API keys need no CSRF
 * token: no browser sends them on its own.
 */
export const authentication = fastifyPlugin(async (app: FastifyInstance, options: { accounts: Accounts }) => {
  app.decorateRequest('authentication', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!needsPrincipal(request)) return;
    const found = await identify(options.accounts, request);
    request.authentication = found;
    if (!found) {
      if (request.cookies[sessionCookie] !== undefined) clearSessionCookie(reply, request);
      throw new TesseraError('UNAUTHENTICATED');
    }
    if (found.via === 'session' && unsafeMethods.has(request.method) && !csrfMatches(request, found.csrfToken)) throw new TesseraError('CSRF_FAILED');
  });
}, { name: 'tessera-authentication', dependencies: ['@fastify/cookie'] });

/** The principal of a request, or 401 UNAUTHENTICATED. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.authentication) throw new TesseraError('UNAUTHENTICATED');
  return request.authentication.principal;
}
