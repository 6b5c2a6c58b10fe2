import { preloadablePage } from './preloadable-page.js';

/**
 * The chunks of the pages staff open most, by name: the routes load them lazily, and start-up
 * (boot-prefetch.ts) asks for the one the URL names while the session is still loading.
 */
export const pageModules = {
  records: () => import('../pages/records-page.js'),
  record: () => import('../pages/record-page.js'),
  /** What asks for a records table's first page before the page renders (in the records page's chunk). */
  firstPage: () => import('../records/prefetch-first-page.js'),
};

/** The records page: start-up preloads it, so that a page rendered by the server first is replaced without a spinner. */
export const RecordsPage = preloadablePage(pageModules.records);
