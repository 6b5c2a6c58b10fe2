import type { FastifyRequest } from 'fastify';
import { TesseraError } from '@tessera/core';

/** The request's JSON body when it is an object; anything else (an array, a string, none) is 400. */
export function bodyObject(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TesseraError('BAD_REQUEST', { reason: 'the body must be a JSON object' });
  return body as Record<string, unknown>;
}
