import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TesseraError } from '@tessera/core';
import { firstPaintStyles } from './first-paint-styles.js';
import { sessionCookie } from './session-cookie.js';

/** What the studio's first-paint renderer (packages/studio/src/first-paint) exports. */
interface Renderer {
  renderFirstPaint(request: { url: string; locale: 'zh-CN' | 'en'; get: (path: string) => Promise<Response> }): Promise<{ html: string; styles: string; state: unknown } | undefined>;
}

/** The pages painted on the server: one object's records table (the renderer declines the rest). */
const paintedPath = /^\/w\/[^/?]+\/records\/[^/?]+\/?(?:\?|$)/;
/** The module script and preloads Vite writes into index.html's <head>. */
const studioScripts = /\s*<(?:script type="module"[^>]*><\/script>|link rel="modulepreload"[^>]*>)/g;
/**
 * The studio's entry script, started once the painted rows are on screen: run at once after the
 * parser, its modules' first evaluation (a third of a second on a 2-core machine) would come
 * before the browser's first paint and hold the rows back. A hidden tab paints nothing: it starts
 * at once.
 */
function startAfterPaint(script: string): string {
  const entry = /^\s*<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>$/.exec(script)?.[1];
  if (!entry) return script;
  return `<script type="module">const start = () => import(${JSON.stringify(entry)}); if (document.visibilityState === 'hidden') start(); else requestAnimationFrame(() => setTimeout(start));</script>`;
}

/** Paints at once beyond which a page is served unpainted, as before, rather than queue behind them. */
const maxPaintsAtOnce = 4;

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/** JSON inside <script>: nothing in it can close the element or end a line for the parser. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Sends a records page painted on the server: the studio's index.html with the table's HTML in
 * #root, antd's styles and the query cache the studio starts from (see the renderer's module). The
 * rows are on screen when the HTML arrives; the studio takes over when its JavaScript has run.
 * Answers false when this request gets the plain index.html (no renderer in the build, not a
 * records table, no session cookie, too many paints running, or the renderer declined: a 401 or
 * any failed request, which the studio then handles as always).
 */
export function firstPaint(studioDir: string) {
  const rendererFile = join(studioDir, '.server', 'render-first-paint.mjs');
  if (!existsSync(rendererFile)) return undefined;
  // Loaded at the first painted page, not at start-up: a server that never paints never pays for it.
  let loaded: Promise<[Renderer, string]> | undefined;
  let painting = 0;
  const stylesheets = firstPaintStyles();

  /** Registers GET /first-paint/<hash>.css, the painted pages' stylesheets. */
  function routes(app: FastifyInstance): void {
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
    let painted: Awaited<ReturnType<Renderer['renderFirstPaint']>>;
    let page: string;
    try {
      loaded ??= Promise.all([import(pathToFileURL(rendererFile).href) as Promise<Renderer>, readFile(join(studioDir, 'index.html'), 'utf8')]);
      const [renderer, index] = await loaded;
      page = index;
      const locale = request.cookies.tessera_locale === 'en' ? 'en' : 'zh-CN';
      painted = await renderer.renderFirstPaint({
        url: request.url, locale,
        get: async (path) => {
          const answer = await app.inject({ method: 'GET', url: path, headers: { cookie, accept: 'application/json', 'accept-language': locale, 'x-request-id': `${request.id}-paint` } });
          return new Response(answer.payload, { status: answer.statusCode, headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') } });
        },
      });
    } catch (error) {
      request.log.warn({ err: error }, 'first paint failed: the plain studio page is sent');
      return false;
    } finally {
      painting -= 1;
    }
    if (!painted) return false;
    const { state, styles, html: root } = painted;
    const stylesheet = stylesheets.add(styles);
    // The studio's scripts move after the painted rows: met first in <head>, their compiling takes
    // the main thread in turns with the parser, and the rows would wait for it.
    const scripts = (page.match(studioScripts) ?? []).map(startAfterPaint);
    // Replacer functions: a "$&" in a record's value is text, not a replacement pattern.
    const html = page
      .replace(studioScripts, '')
      .replace('<head>', () => `<head><script>window.__tesseraFirstPaint=${scriptJson(state)}</script>`)
      .replace('</head>', () => `<link rel="stylesheet" href="${stylesheet}"></head>`)
      .replace('<div id="root"></div>', () => `<div id="root">${root}</div>`)
      .replace('</body>', () => `${scripts.join('')}</body>`);
    // The page holds the visitor's records and CSRF token: never stored by a cache, shared or not.
    void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'cookie');
    if (acceptsGzip(request)) void reply.header('content-encoding', 'gzip').send(gzipSync(html, { level: 6 }));
    else void reply.send(html);
    return true;
  }

  return { routes, send };
}
