import type { NextFunction, Request, Response } from 'express';
import { TesseraError } from '@tessera/core';

/** Refuses a body-carrying request that is not JSON (415), before anything reads it. */
export function requireJson(request: Request, _response: Response, next: NextFunction): void {
  const hasBody = request.method === 'POST' || request.method === 'PATCH' || request.method === 'PUT';
  if (hasBody && Number(request.get('content-length') ?? 0) > 0 && !request.is('application/json')) {
    next(new TesseraError('UNSUPPORTED_MEDIA_TYPE'));
    return;
  }
  next();
}
