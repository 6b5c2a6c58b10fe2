import { lazy, useState, type ComponentType } from 'react';

/** A lazily loaded page that renders at once, without suspending, when its chunk was loaded before. */
export type PreloadablePage = ComponentType & { preload: () => Promise<void> };

/**
 * React.lazy suspends on its first render even when the chunk is already in memory, which would
 * show a spinner for a frame. A page loaded beforehand with `preload()` (start-up, or the server's
 * first paint) renders directly instead; one that was not stays lazy. Each mount keeps the
 * component it started with, so a page is never remounted when its chunk arrives.
 */
export function preloadablePage(load: () => Promise<{ default: ComponentType }>): PreloadablePage {
  let loaded: ComponentType | undefined;
  const preload = () => load().then((module) => { loaded = module.default; return module; });
  const Lazy = lazy(preload);
  function Page() {
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return Object.assign(Page, { preload: () => preload().then(() => undefined) });
}
