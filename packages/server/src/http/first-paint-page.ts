/** The module script and preloads Vite writes into index.html's <head>. */
const studioScripts = /\s*<(?:script type="module"[^>]*><\/script>|link rel="modulepreload"[^>]*>)/g;

/** JSON inside <script>: nothing in it can close the element or end a line for the parser. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * What starts the studio in a painted page, once the painted rows are on screen: its entry module
 * and the chunks Vite preloads with it. Met by the parser, they would be compiled and run while the
 * browser lays out and paints the rows (a second's work on a 2-core machine, the first paint held
 * back behind it); started from the next frame, they come after. A hidden tab paints nothing: it
 * starts at once.
 */
function studioStarter(page: string): string {
  const entry = /<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/.exec(page)?.[1];
  if (!entry) return '';
  const preloads = [...page.matchAll(/<link rel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)].map((match) => match[1]);
  return `<script type="module">const start = () => { for (const href of ${scriptJson(preloads)}) { const link = document.createElement('link'); link.rel = 'modulepreload'; link.crossOrigin = ''; link.href = href; document.head.append(link); } import(${scriptJson(entry)}); };
if (document.visibilityState === 'hidden') start(); else requestAnimationFrame(() => setTimeout(start));</script>`;
}

/**
 * The studio's index.html with a painted page in it: the query cache the studio starts from
 * (window.__tesseraFirstPaint, first in <head>, before index.html's own early requests, which it
 * makes unnecessary), antd's stylesheet, the painted markup in #root, and the studio's start after
 * the rows.
 */
export function paintedPage(index: string, painted: { html: string; state: unknown }, stylesheet: string): string {
  // Replacer functions: a "$&" in a record's value is text, not a replacement pattern.
  return index
    .replace(studioScripts, '')
    .replace('<head>', () => `<head><script>window.__tesseraFirstPaint=${scriptJson(painted.state)}</script>`)
    .replace('</head>', () => `<link rel="stylesheet" href="${stylesheet}"></head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${painted.html}</div>`)
    .replace('</body>', () => `${studioStarter(index)}</body>`);
}
