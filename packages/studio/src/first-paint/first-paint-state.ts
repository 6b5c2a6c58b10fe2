import { hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client.js';
import { sessionQuery } from '../api/session.js';

declare global {
  interface Window { __tesseraFirstPaint?: DehydratedState }
}

/**
 * Starts the query cache from what the server read to paint the page (render-first-paint.tsx),
 * so that the studio's first render shows the same rows and replaces the painted page whole.
 * The answers count as read now: they are as old as the page, and an early refetch would only
 * repeat the same requests. Answers whether the page was painted.
 */
export function adoptFirstPaint(client: QueryClient): boolean {
  const state = window.__tesseraFirstPaint;
  if (!state) return false;
  delete window.__tesseraFirstPaint;
  const now = Date.now();
  hydrate(client, { ...state, queries: state.queries.map((query) => ({ ...query, state: { ...query.state, dataUpdatedAt: now } })) });
  // The session query's own function keeps the CSRF token; a hydrated session did not run it.
  setCsrfToken(client.getQueryData(sessionQuery.queryKey)?.csrfToken);
  return true;
}
