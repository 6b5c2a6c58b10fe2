import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import pino, { type Logger } from 'pino';
import { JobWorker, TesseraError, type Tessera } from '@tessera/core';
import { errorHandler } from './http/error-handler.js';
import { firstPaint } from './http/first-paint.js';
import { bodyLimit } from './http/body-limit.js';
import { dataRoutes } from './routes/data-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { blueprintRoutes } from './routes/blueprint-routes.js';
import { metaRoutes } from './routes/meta-routes.js';
import { authentication } from './http/authenticate.js';
import { authRoutes } from './routes/auth-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { accessRoutes } from './routes/access-routes.js';
import { privacyRoutes } from './routes/privacy-routes.js';
import { workspaceRoutes } from './routes/workspace-routes.js';
import { keyRoutes } from './routes/key-routes.js';
import { savedViewRoutes } from './routes/saved-view-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { duplicateRoutes } from './routes/duplicate-routes.js';
import { UploadStore } from './http/upload-store.js';

/** What the app is built from. */
export interface AppOptions {
  tessera: Tessera;
  logger?: Logger;
  /** A built studio (packages/studio/dist) to serve at /. */
  studioDir?: string;
  /**
   * How long a studio page waits for the server's first paint before the plain page is sent
   * (default 1.5 s; tests of the paint itself raise it: they are about what is painted, not how fast).
   */
  firstPaintBudgetMs?: number;
  /** Sign-in attempts allowed per IP and minute (default 30; the sign-in benchmark raises it). */
  signInsPerMinute?: number;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), as Fastify's
   * trustProxy: true (any), or comma-separated addresses/CIDRs. Off by default: behind a proxy
   * without it, the sign-in rate limit and the audit log see only the proxy's address.
   */
  trustProxy?: boolean | string;
  /** Where uploaded import files go (default `$TESSERA_DATA_DIR/uploads`; shared storage when several processes serve). */
  uploadDir?: string;
  /** Largest upload (default 2 GiB). */
  maxUploadBytes?: number;
  /** Run background jobs (imports) in this process (default true). */
  runJobs?: boolean;
}

/** TESSERA_TRUST_PROXY as Fastify's trustProxy: `true`, or comma-separated addresses/CIDRs of the proxies. */
export function trustProxyFrom(value: string | undefined): boolean | string | undefined {
  if (value === undefined || value === '' || value === 'false') return undefined;
  return value === 'true' ? true : value;
}

/** How long an upload no import took is kept. */
const uploadRetentionMs = 24 * 60 * 60_000;

const docsDir = fileURLToPath(new URL('../../../docs/', import.meta.url));

const givenRequestId = /^[\w.-]{1,64}$/;

/**
 * The HTTP app: a thin transport over @tessera/core, on Fastify 5. (Express 5 cost three times
 * the CPU per request of Fastify or bare node:http on the list benchmark's machine; see
 * bench/README.md.) Each request gets an id (a well-formed X-Request-Id is kept, and echoed) and
 * one log line when it finishes. Every /api route but health and sign-in needs a principal, which
 * one hook resolves for the whole app (http/authenticate.ts) before any route runs.
 */
export function createApp(options: AppOptions): FastifyInstance {
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const app = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    forceCloseConnections: true,
    // Fastify's own two lines per request are off: onResponse below writes one.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && givenRequestId.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onRequest', async (request, reply) => { reply.header('X-Request-Id', request.id); });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url.slice(0, 300), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });
  app.setErrorHandler(errorHandler);
  // JSON only: a text body is refused (415) rather than handed to a route as a string, and a JSON
  // content type with no body (a DELETE from many clients) means no body rather than an error.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });
  app.register(fastifyCookie);
  app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_request, context) => new TesseraError('RATE_LIMITED', { seconds: Math.ceil(context.ttl / 1000) }) });
  app.register(authentication, { accounts: options.tessera.accounts });
  app.register(authRoutes(options.tessera.accounts, { signInsPerMinute: options.signInsPerMinute }), { prefix: '/api/auth' });
  app.register(userRoutes(options.tessera.accounts), { prefix: '/api/platform' });
  app.register(workspaceRoutes(options.tessera), { prefix: '/api/platform/workspaces' });
  app.register(keyRoutes(options.tessera, () => worker?.poke()), { prefix: '/api/platform' });
  app.register(accessRoutes(options.tessera), { prefix: '/api/w/:workspace' });
  app.register(privacyRoutes(options.tessera), { prefix: '/api/w/:workspace/privacy' });
  app.register(dataRoutes(options.tessera), { prefix: '/api/w/:workspace/data' });
  app.register(searchRoutes(options.tessera), { prefix: '/api/w/:workspace' });
  app.register(blueprintRoutes(options.tessera), { prefix: '/api/w/:workspace/blueprint' });
  app.register(savedViewRoutes(options.tessera), { prefix: '/api/w/:workspace/saved-views' });
  app.register(metaRoutes(options.tessera), { prefix: '/api' });
  const worker = options.runJobs === false ? undefined : new JobWorker(options.tessera.jobs, { ...options.tessera.imports.jobHandler(), ...options.tessera.duplicates.jobHandler(), ...options.tessera.keyRotation.handler() }, {
    onError: (error, job) => logger.error({ err: error, job: job.id, kind: job.kind }, 'job failed'),
  });
  const uploads = new UploadStore(options.uploadDir ?? `${process.env.TESSERA_DATA_DIR ?? './.tessera'}/uploads`, options.maxUploadBytes ?? 2 * 1024 ** 3);
  app.register(importRoutes(options.tessera, uploads, () => worker?.poke()), { prefix: '/api/w/:workspace/imports' });
  // Uploads no import took (previewed only, or never started) are deleted after a day; checked hourly.
  const sweepUploads = () => void uploads.sweep(uploadRetentionMs, () => options.tessera.imports.filesInUse()).catch((error: unknown) => logger.error({ err: error }, 'upload sweep failed'));
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweepUploads();
    sweeper = setInterval(sweepUploads, 60 * 60_000).unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeper));
  app.register(duplicateRoutes(options.tessera, () => worker?.poke()), { prefix: '/api/w/:workspace' });
  if (worker) {
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }
  const studio = options.studioDir && existsSync(options.studioDir) ? options.studioDir : undefined;
  if (studio) {
    app.register(fastifyStatic, {
      root: studio, wildcard: false, preCompressed: true, cacheControl: false,
      // Vite names every asset by its content's hash: cache those for good, always revalidate the page.
      setHeaders: (response, path) => response.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  // The user and operator guides, linked from the studio's menu, as plain text (they are Markdown).
  app.register(async (docs) => {
    docs.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode === 200) reply.header('content-type', 'text/plain; charset=utf-8');
      return payload;
    });
    docs.register(fastifyStatic, { root: docsDir, prefix: '/docs/', decorateReply: false, index: false, allowedPath: (path) => /^\/?[a-z0-9-]+\.md$/.test(path) });
  });
  const painter = studio ? firstPaint(studio, options.firstPaintBudgetMs !== undefined ? { budgetMs: options.firstPaintBudgetMs } : {}) : undefined;
  painter?.routes(app);
  app.setNotFoundHandler(async (request, reply) => {
    if (studio && request.method === 'GET' && !request.url.startsWith('/api')) {
      if (await painter?.send(app, request, reply)) return reply;
      return reply.sendFile('index.html');
    }
    throw new TesseraError('NOT_FOUND', { what: `${request.method} ${request.url.slice(0, 100)}` });
  });
  return app;
}
