import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../api/session.js';
import { workspaceModelQuery } from '../api/workspace-model.js';
import { pageModules, RecordsPage } from './page-modules.js';

/** The parts of a studio path the start-up reads: /w/<slug>[/records[/<object>[/<id>]]]. */
const workspacePath = /^\/w\/([^/]+)(?:\/(records)(?:\/([^/]+)(\/[^/]+)?)?)?/;

/**
 * Starts at once, side by side, what the page at this URL would otherwise ask for one after the
 * other as React renders: the session, the workspace's model and the page's chunk; for a records
 * table, its first page as soon as the model is in, while React is still rendering the frame.
 * Nothing here is trusted or shown: a 401 leaves an error in the cache (no redirect before the
 * session is known), and the pages ask again as they always do.
 *
 * Answers, when all is done, whether the cache now holds everything a records table shows first
 * (session, model, chunk and first page): the server renders a page's first paint only then.
 */
export function prefetchForPage(client: QueryClient, { pathname, search }: { pathname: string; search: string }): Promise<boolean> {
  const session = client.fetchQuery(sessionQuery).then(() => true, () => false);
  const match = workspacePath.exec(pathname);
  if (!match) return session.then(() => false);
  const slug = decodeURIComponent(match[1]!);
  const model = client.fetchQuery(workspaceModelQuery(slug, { redirectOn401: false }));
  if (!match[2]) return model.then(() => false, () => false);
  if (match[4]) return Promise.all([model, pageModules.record()]).then(() => false, () => false);
  const object = match[3] ? decodeURIComponent(match[3]) : undefined;
  const firstPage = Promise.all([model, RecordsPage.preload(), pageModules.firstPage()])
    .then(([loaded, , { prefetchFirstPage }]) => object !== undefined && prefetchFirstPage(client, slug, loaded, object, search))
    .catch(() => false);
  return Promise.all([session, firstPage]).then((done) => done.every(Boolean));
}
