/**
 * The server's first paint of a records page (built apart, with `vite build --ssr`, into
 * dist/.server/): the studio's own components rendered to HTML with the same requests the page
 * makes, answered in-process by the API with the visitor's cookie. The browser shows this HTML as
 * soon as it arrives, inert, and the studio replaces it whole when its JavaScript has started
 * (main.tsx), from the same data (the dehydrated query cache): rows are on screen in the time of
 * one API request instead of after half a megabyte of JavaScript has been parsed and run.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { dehydrate, type DehydratedState } from '@tanstack/react-query';
import i18next from 'i18next';
import { renderToString } from 'react-dom/server';
import { createRoutesFromElements, createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { setTransport } from '../api/client.js';
import { appRoutes } from '../app/app-routes.js';
import { prefetchForPage } from '../app/boot-prefetch.js';
import { createQueryClient, Providers } from '../app/providers.js';
import { DisplayTimeZone } from '../i18n/format.js';
import { initI18n } from '../i18n/index.js';
import type { Locale } from '../i18n/locales.js';
import { inertMarkup } from './inert-markup.js';
import { PaintingOnServer } from './painting-on-server.js';

/** One page request to paint: its path and query, its language and time zone, and how to GET the API as its visitor. */
export interface FirstPaintRequest {
  url: string;
  locale: Locale;
  /** An IANA time zone the server's Intl knows; the server's own when undefined. */
  timeZone?: string;
  get: (path: string) => Promise<Response>;
}

/** The painted page: markup for #root, antd's styles (CSS text, the same for every page of a theme), and the query cache the studio starts from. */
export interface FirstPaint {
  html: string;
  styles: string;
  state: DehydratedState;
}

const handler = createStaticHandler(createRoutesFromElements(appRoutes));
// antd's styles depend on the theme only, never on the visitor: one cache serves every paint, so
// that each component's CSS is generated once per process rather than once per page.
const styleCache = createCache();
const visitors = new AsyncLocalStorage<FirstPaintRequest>();

initI18n('zh-CN');
// Every request of a paint goes to the API as that paint's visitor, never as another's.
setTransport((path) => {
  const visitor = visitors.getStore();
  if (!visitor) return Promise.reject(new Error('a first-paint request outside a page request'));
  return visitor.get(path);
});

// The language is i18next's one global: the renders (synchronous, a few ms each) take turns.
let renders: Promise<unknown> = Promise.resolve();
function inTurn<T>(render: () => Promise<T>): Promise<T> {
  const turn = renders.then(render);
  renders = turn.catch(() => undefined);
  return turn;
}

/**
 * Paints the page at `request.url`, or answers undefined when the page is not one the server paints
 * (only a records table whose session, model and first page all loaded; anything else, a 401
 * included, is left to the studio as before).
 */
export async function renderFirstPaint(request: FirstPaintRequest): Promise<FirstPaint | undefined> {
  const client = createQueryClient();
  const url = new URL(request.url, 'http://studio.invalid');
  const complete = await visitors.run(request, () => prefetchForPage(client, url));
  if (!complete) return undefined;
  const context = await handler.query(new Request(url));
  if (context instanceof Response) return undefined;
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = await inTurn(async () => {
    await i18next.changeLanguage(request.locale);
    return renderToString(
      <StyleProvider cache={styleCache}>
        <PaintingOnServer.Provider value>
          <DisplayTimeZone.Provider value={request.timeZone}>
            <Providers client={client}>
              <StaticRouterProvider router={router} context={context} hydrate={false} />
            </Providers>
          </DisplayTimeZone.Provider>
        </PaintingOnServer.Provider>
      </StyleProvider>,
    );
  });
  return { html: inertMarkup(html), styles: extractStyle(styleCache, { plain: true }), state: dehydrate(client) };
}
