import type { QueryClient } from '@tanstack/react-query';
import { sessionQuery } from '../api/session.js';
import { workspaceModelQuery } from '../api/workspace-model.js';
import { pageModules } from './page-modules.js';

/** The parts of a studio path the start-up reads: /w/<slug>[/records[/<object>[/<id>]]]. */
const workspacePath = /^\/w\/([^/]+)(?:\/(records)(?:\/([^/]+)(\/[^/]+)?)?)?/;

/**
 * Starts at once, side by side, what the page at this URL would otherwise ask for one after the
 * other as React renders: the session, the workspace's model and the page's chunk; for a records
 * table, its first page as soon as the model is in, while React is still rendering the frame.
 * Nothing here is trusted or shown: a 401 leaves an error in the cache (no redirect before the
 * session is known), and the pages ask again as they always do.
 */
export function prefetchForPage(client: QueryClient, { pathname, search }: { pathname: string; search: string }): void {
  void client.prefetchQuery(sessionQuery);
  const match = workspacePath.exec(pathname);
  if (!match) return;
  const slug = decodeURIComponent(match[1]!);
  const model = client.fetchQuery(workspaceModelQuery(slug, { redirectOn401: false }));
  if (!match[2]) return void model.catch(() => undefined);
  if (match[4]) return void Promise.all([model, pageModules.record()]).catch(() => undefined);
  const object = match[3] ? decodeURIComponent(match[3]) : undefined;
  void Promise.all([model, pageModules.records(), pageModules.firstPage()])
    .then(([loaded, , { prefetchFirstPage }]) => { if (object) prefetchFirstPage(client, slug, loaded, object, search); })
    .catch(() => undefined);
}
