import type { FastifyRequest } from 'fastify';
import { TesseraError } from '@tessera/core';

/** The request's JSON body when it is an object; anything else (an array, a string, none) is 400. */
export function bodyObject(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TesseraError('BAD_REQUEST', { reason: 'the body must be a JSON object' });
  return body as Record<string, unknown>;
}

/** Refuses a body naming anything but `allowed`: a misspelt key must not pass for an absent one. */
export function onlyKeys(body: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw new TesseraError('BAD_REQUEST', { reason: `unknown key "${unknown.slice(0, 64)}"; expected ${allowed.join(', ')}` });
}
