import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TesseraError } from '@tessera/core';
import { paintedPage } from './first-paint-page.js';
import { firstPaintStyles } from './first-paint-styles.js';
import { sessionCookie } from './session-cookie.js';

/** What the studio's first-paint renderer (packages/studio/src/first-paint) exports. */
interface Renderer {
  renderFirstPaint(request: { url: string; locale: 'zh-CN' | 'en'; timeZone?: string; get: (path: string) => Promise<Response> }): Promise<{ html: string; styles: string; state: unknown } | undefined>;
}

/** The pages painted on the server: one object's records table (the renderer declines the rest). */
const paintedPath = /^\/w\/[^/?]+\/records\/[^/?]+\/?(?:\?|$)/;
/** Paints at once beyond which a page is served unpainted, as before, rather than queue behind them. */
const maxPaintsAtOnce = 4;
/** How long a visitor waits for a paint (a slow database, a busy server) before getting the plain page, by default. */
const defaultBudgetMs = 1500;

/** A time zone name Intl knows, else undefined (the cookie is the visitor's to write anything in). */
function knownTimeZone(name: string | undefined): string | undefined {
  if (!name || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/**
 * Sends a records page painted on the server: the studio's index.html with the table's HTML in
 * #root, antd's styles and the query cache the studio starts from (see the renderer's module). The
 * rows are on screen when the HTML arrives; the studio takes over when its JavaScript has run.
 * Answers false when this request gets the plain index.html (no renderer in the build, not a
 * records table, no session cookie, too many paints running, or the renderer declined: a 401 or
 * any failed request, which the studio then handles as always).
 */
export function firstPaint(studioDir: string, { budgetMs = defaultBudgetMs } = {}) {
  const rendererFile = join(studioDir, '.server', 'render-first-paint.mjs');
  if (!existsSync(rendererFile)) return undefined;
  let loaded: Promise<[Renderer, string]> | undefined;
  const load = () => (loaded ??= Promise.all([import(pathToFileURL(rendererFile).href) as Promise<Renderer>, readFile(join(studioDir, 'index.html'), 'utf8')]));
  let painting = 0;
  const stylesheets = firstPaintStyles();

  /**
   * Registers GET /first-paint/<hash>.css, the painted pages' stylesheets, and loads the renderer
   * once the server is ready, in the background: the first visitor after a start should not wait
   * the second or two its modules take to load.
   */
  function routes(app: FastifyInstance): void {
    app.addHook('onReady', async () => { load().catch((error: unknown) => app.log.warn({ err: error }, 'the first-paint renderer did not load: pages are sent unpainted')); });
    app.get<{ Params: { name: string } }>('/first-paint/:name', async (request, reply) => {
      const sheet = stylesheets.get(request.params.name);
      if (!sheet) throw new TesseraError('NOT_FOUND', { what: `stylesheet ${request.params.name.slice(0, 40)}` });
      void reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
      return acceptsGzip(request) ? reply.header('content-encoding', 'gzip').send(sheet.gzipped) : reply.send(sheet.css);
    });
  }

  async function send(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const cookie = request.headers.cookie;
    if (!paintedPath.test(request.url) || !request.cookies[sessionCookie] || !cookie || painting >= maxPaintsAtOnce) return false;
    painting += 1;
    const budget = new AbortController();
    let result: { painted: Awaited<ReturnType<Renderer['renderFirstPaint']>>; index: string } | undefined;
    try {
      const paint = (async () => {
        const [renderer, index] = await load();
        // The visitor's language and time zone, as the studio left them in cookies (display-cookies.ts).
        const locale = request.cookies.tessera_locale === 'en' ? 'en' : 'zh-CN';
        const timeZone = knownTimeZone(request.cookies.tessera_tz);
        const painted = await renderer.renderFirstPaint({
          url: request.url, locale, ...(timeZone ? { timeZone } : {}),
          get: async (path) => {
            const answer = await app.inject({ method: 'GET', url: path, headers: { cookie, accept: 'application/json', 'accept-language': locale, 'x-request-id': `${request.id}-paint` } });
            return new Response(answer.payload, { status: answer.statusCode, headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') } });
          },
        });
        return { painted, index };
      })().finally(() => { painting -= 1; });
      // A paint past its budget (the renderer still loading, a slow database) goes on, and counts
      // as running, but is not waited for.
      result = await Promise.race([paint, sleep(budgetMs, undefined, { signal: budget.signal })]);
    } catch (error) {
      request.log.warn({ err: error }, 'first paint failed: the plain studio page is sent');
      return false;
    } finally {
      budget.abort();
    }
    if (!result?.painted) return false;
    const { painted, index } = result;
    const html = paintedPage(index, painted, stylesheets.add(painted.styles));
    // The page holds the visitor's records and CSRF token: never stored by a cache, shared or not.
    void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'cookie');
    if (acceptsGzip(request)) void reply.header('content-encoding', 'gzip').send(gzipSync(html, { level: 6 }));
    else void reply.send(html);
    return true;
  }

  return { routes, send };
}
