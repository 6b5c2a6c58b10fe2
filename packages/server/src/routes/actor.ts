import type { FastifyRequest } from 'fastify';

/**
 * Who is acting. Until sign-in lands (the Accounts issue), every HTTP caller is the local
 * operator: the server listens on 127.0.0.1 by default for that reason.
 */
export function actorOf(_request: FastifyRequest): string {
  return 'local-operator';
}
