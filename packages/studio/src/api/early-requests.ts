/**
 * GET requests started by index.html before the studio's JavaScript has loaded (about half a
 * second of parsing on a 2-core machine): the session, the workspace's model (GET /me) and, for a
 * records list opened before, its first page as the page asked for it last time. The API client
 * takes an answer from here once, for exactly that URL; everything else goes to the network.
 *
 * The first page's URL is remembered only for a list opened without search parameters (an object's
 * default list: no typed filter or search that could hold personal data), and forgotten at sign-out.
 * When the blueprint or the role changed since, the page asks for another URL and the early answer
 * is simply not used.
 */

declare global {
  interface Window { __tesseraEarly?: Record<string, Promise<Response> | undefined> }
}

const firstPagePrefix = 'tessera.firstPage:';

/** The early answer to GET `url`, once; undefined when none was started (or it was taken). */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__tesseraEarly;
  const response = early?.[url];
  if (response) delete early[url];
  return response;
}

/** Remembers the first page's request of a list page opened without search parameters, for its next load. */
export function rememberFirstPage(pagePath: string, url: string): void {
  try { localStorage.setItem(`${firstPagePrefix}${pagePath}`, url); } catch { /* private mode: nothing remembered */ }
}

/** Forgets every remembered first page (at sign-out: the next user may see other lists). */
export function forgetFirstPages(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(firstPagePrefix)) localStorage.removeItem(key);
  } catch { /* private mode */ }
}
