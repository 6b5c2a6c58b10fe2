import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Asks `question` before unsaved work is left: any navigation of the studio (a link, the browser's
 * back and forward, a page's own redirect) through the router's blocker, and closing or reloading
 * the tab through the browser's own prompt. A change of the URL's hash alone is no leaving, nor,
 * for a page that asks itself when its query changes (`pageOwnsSearch`), a change of its query.
 */
export function useLeaveGuard(when: boolean, question: string, { pageOwnsSearch = false } = {}): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when
    && (currentLocation.pathname !== nextLocation.pathname || (!pageOwnsSearch && currentLocation.search !== nextLocation.search)));
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);
  useEffect(() => {
    if (!when) return undefined;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [when]);
}
