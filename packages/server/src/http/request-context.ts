import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Per-request data the handlers share: the correlation id and a child logger. */
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
    const log = logger.child({ reqId: requestId });
    response.locals.requestId = requestId;
    response.locals.log = log;
    response.setHeader('X-Request-Id', requestId);
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: request.method, url: request.originalUrl.slice(0, 300), status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
