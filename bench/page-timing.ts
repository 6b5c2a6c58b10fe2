/**
 * What the studio benchmark runs inside the page, as script text: tsx compiles functions with
 * helpers (`__name`) that do not exist in the browser, so page.evaluate and addInitScript get strings.
 */

/** The page's own timings of one load, in ms from the navigation start (performance.now()'s origin). */
export interface PageTiming {
  /** The first row matched the selector while laid out with a size (a server-painted one counts). */
  rowAt: number;
  /** The row on screen: not before it was laid out, nor before the page's first paint (the larger of the two). */
  visibleAt: number;
  /** The studio's own table showed its first row: the server's painted page, if any, replaced. */
  liveAt: number;
  /** Whether the page arrived painted by the server (src/first-paint). */
  painted: boolean;
  /** The first page's request the studio remembered for this list (what the server's paint asks the API). */
  firstPagePath?: string;
  htmlEnd?: number;
  domContentLoaded?: number;
  firstContentfulPaint?: number;
  /** The first page's request of the records page (path and query; not its count), when it was sent and answered: none when the server painted the page. */
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
 * `window.__tesseraFirstRowAt` at the start of the first frame in which an element matching
 * `selector` is in the DOM and visible,
 * `window.__tesseraLiveRowAt` when such a row is the studio's own (no server-painted page left:
 * `[data-first-paint]`), and the long tasks (the main thread busy for over 50 ms: parsing, running,
 * rendering) meanwhile. A MutationObserver notices the insertion itself, where polling would add
 * up to its interval.
 */
export function firstRowScript(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    let checking = false;
    // Checked in the next animation frame, whose layout happens anyway: a check in the observer's
    // own callback would force a layout after each parser chunk and slow the page it measures.
    const check = () => {
      checking = false;
      const row = document.querySelector(selector);
      if (!row || row.getClientRects().length === 0 || getComputedStyle(row).visibility === 'hidden') return;
      if (window.__tesseraFirstRowAt === undefined) window.__tesseraFirstRowAt = performance.now();
      if (document.querySelector('[data-first-paint]')) { window.__tesseraPainted = true; return; }
      window.__tesseraLiveRowAt = performance.now();
      observer.disconnect();
    };
    const observer = new MutationObserver(() => {
      if (checking || !document.querySelector(selector)) return;
      checking = true;
      requestAnimationFrame(check);
    });
    observer.observe(document, { childList: true, subtree: true });
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
  const data = resources.find((entry) => /\\/api\\/w\\/[^/]+\\/data\\/customers(\\?|$)/.test(new URL(entry.name).pathname + new URL(entry.name).search) && !/[?&]count=true/.test(entry.name));
  const scripts = resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const tasks = window.__tesseraLongTasks.filter((task) => task.start < window.__tesseraFirstRowAt);
  const firstPagePath = localStorage.getItem('tessera.firstPage:' + location.pathname) || undefined;
  return {
    rowAt: window.__tesseraFirstRowAt,
    visibleAt: Math.max(window.__tesseraFirstRowAt, paint ? paint.startTime : 0),
    liveAt: window.__tesseraLiveRowAt,
    painted: window.__tesseraPainted === true,
    firstPagePath,
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
