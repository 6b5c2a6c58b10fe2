/**
 * What the studio benchmark runs inside the page, as script text: tsx compiles functions with
 * helpers (`__name`) that do not exist in the browser, so page.evaluate and addInitScript get strings.
 */

/** The page's own timings of one load, in ms from the navigation start (performance.now()'s origin). */
export interface PageTiming {
  /** The first row matched the selector while laid out with a size. */
  rowAt: number;
  htmlEnd?: number;
  domContentLoaded?: number;
  firstContentfulPaint?: number;
  /** The list request of the records page (path and query), when it was sent and answered. */
  dataRequest?: { path: string; start: number; end: number };
  jsFiles: number;
  /** Bytes of JS that came over the network (0 for files from the HTTP cache). */
  jsTransferred: number;
  /** Main-thread tasks over 50 ms that started before the row: their total and the longest. */
  longTasksMs: number;
  longestTaskMs: number;
}

/**
 * An init script (runs in every new document before the page's own scripts) that records
 * `window.__tesseraFirstRowAt` the moment an element matching `selector` is in the DOM and visible,
 * and the long tasks (the main thread busy for over 50 ms: parsing, running, rendering) meanwhile.
 * A MutationObserver reacts to the insertion itself, where polling would add up to its interval.
 */
export function firstRowScript(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const observer = new MutationObserver(() => {
      const row = document.querySelector(selector);
      if (!row || row.getClientRects().length === 0 || getComputedStyle(row).visibility === 'hidden') return;
      window.__tesseraFirstRowAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    window.__tesseraLongTasks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.__tesseraLongTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask' });
  })()`;
}

/** An expression that answers the PageTiming of the current document (after the first row was seen). */
export const pageTimingScript = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const data = resources.find((entry) => /\\/api\\/w\\/[^/]+\\/data\\/customers(\\?|$)/.test(new URL(entry.name).pathname + new URL(entry.name).search));
  const scripts = resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const tasks = window.__tesseraLongTasks.filter((task) => task.start < window.__tesseraFirstRowAt);
  return {
    rowAt: window.__tesseraFirstRowAt,
    htmlEnd: navigation?.responseEnd,
    domContentLoaded: navigation?.domContentLoadedEventEnd,
    firstContentfulPaint: paint?.startTime,
    dataRequest: data && { path: new URL(data.name).pathname + new URL(data.name).search, start: data.startTime, end: data.responseEnd },
    jsFiles: scripts.length,
    jsTransferred: scripts.reduce((total, entry) => total + entry.transferSize, 0),
    longTasksMs: tasks.reduce((total, task) => total + task.duration, 0),
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
  };
})()`;
