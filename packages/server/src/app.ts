import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import pino, { type Logger } from 'pino';
import type { Tessera } from '@tessera/core';
import { TesseraError } from '@tessera/core';
import { requestContext } from './http/request-context.js';
import { errorHandler } from './http/error-handler.js';
import { requireJson } from './http/require-json.js';
import { dataRoutes } from './routes/data-routes.js';
import { blueprintRoutes } from './routes/blueprint-routes.js';
import { metaRoutes } from './routes/meta-routes.js';

/** Largest JSON body accepted (bulk writes of up to 100,000 records fit). */
export const bodyLimit = '64mb';

/** What the app is built from. */
export interface AppOptions {
  tessera: Tessera;
  logger?: Logger;
  /** A built studio (packages/studio/dist) to serve at /. */
  studioDir?: string;
}

/** The Express app: a thin transport over @tessera/core. */
export function createApp(options: AppOptions): Express {
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No clients send If-None-Match, and hashing every JSON answer costs a tenth of a point lookup.
  app.set('etag', false);
  app.use(requestContext(logger));
  const readJsonBody = [requireJson, express.json({ limit: bodyLimit, strict: false })];
  // Data first: the busiest routes should not walk past the others on every request.
  app.use('/api/w/:workspace/data', readJsonBody, dataRoutes(options.tessera));
  app.use('/api/w/:workspace/blueprint', readJsonBody, blueprintRoutes(options.tessera));
  app.use('/api', readJsonBody, metaRoutes(options.tessera));
  app.use('/api', (request, _response, next) => next(new TesseraError('NOT_FOUND', { what: `${request.method} ${request.originalUrl.slice(0, 100)}` })));
  if (options.studioDir && existsSync(options.studioDir)) {
    app.use(express.static(options.studioDir));
    app.get('/{*path}', (_request, response) => response.sendFile('index.html', { root: options.studioDir }));
  }
  app.use(errorHandler);
  return app;
}
