import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Per-request data the handlers share: the correlation id and the logger (log lines carry `reqId`). */
export interface RequestLocals {
  requestId: string;
  log: Logger;
}

/** Gives each request an id (echoed as X-Request-Id) and logs one line when it finishes. */
export function requestContext(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction) => {
    const given = request.get('x-request-id');
    const requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    const started = process.hrtime.bigint();
    response.locals.requestId = requestId;
    // The root logger, not a child per request: a child costs more than the rest of a point lookup.
    response.locals.log = logger;
    response.setHeader('X-Request-Id', requestId);
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ reqId: requestId, method: request.method, url: request.originalUrl.slice(0, 300), status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
