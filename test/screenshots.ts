import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where the guides' screenshots live. */
export const screenshotsDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Every screenshot has this size, so the guides' pictures match one another whichever test took them. */
export const screenshotViewport = { width: 1440, height: 900 } as const;

/**
 * Saves what the page shows (the viewport, not the full page) as docs/screenshots/<name>.png at
 * 1440×900 and answers the file's path. The page's own viewport is put back afterwards, so a
 * screenshot does not change the layout the rest of the test sees.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  // The name becomes a file name in the repository: no path, no surprises in a Markdown link.
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)}: use lowercase letters, digits and dashes`);
  await mkdir(screenshotsDir, { recursive: true });
  const path = `${screenshotsDir}${name}.png`;
  const before = page.viewportSize();
  const resize = before?.width !== screenshotViewport.width || before.height !== screenshotViewport.height;
  if (resize) {
    await page.setViewportSize(screenshotViewport);
    // Two frames: the resize event reaches React (antd's breakpoints), then the new layout is painted.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }
  try {
    await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide' });
  } finally {
    if (resize && before) await page.setViewportSize(before);
  }
  return path;
}
