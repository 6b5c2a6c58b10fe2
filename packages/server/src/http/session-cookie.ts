import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionLifetime } from '@tessera/core';

/** The cookie that carries a studio session token. */
export const sessionCookie = 'tessera_session';

function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https' || process.env.TESSERA_SECURE_COOKIES === '1';
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries
 * it), Path=/, Secure when the request came over HTTPS or TESSERA_SECURE_COOKIES=1 (behind a proxy
 * that terminates TLS). It lives as long as the session may (7 days); the server ends it sooner.
 */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string): void {
  void reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(request), maxAge: sessionLifetime.absoluteSeconds });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  void reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(request) });
}
