import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Stylesheets kept at once: antd's CSS only grows as new kinds of component get painted. */
const kept = 8;

/**
 * antd's CSS for painted pages, served as a stylesheet named by its content's hash: the same for
 * every visitor and page of a theme (it holds no data), so a browser downloads it once and reads it
 * from its cache after, instead of finding some 350 kB of <style> in every painted page.
 */
export function firstPaintStyles() {
  const sheets = new Map<string, { css: string; gzipped: Buffer }>();
  return {
    /** Keeps `css` and answers the URL to link it by. */
    add(css: string): string {
      const name = `${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
      if (!sheets.has(name)) {
        sheets.set(name, { css, gzipped: gzipSync(css, { level: 9 }) });
        if (sheets.size > kept) sheets.delete(sheets.keys().next().value!);
      }
      return `/first-paint/${name}`;
    },
    /** The stylesheet of that name, if kept, as text and gzipped. */
    get: (name: string) => sheets.get(name),
  };
}
