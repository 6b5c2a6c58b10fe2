import type { Locale } from '../i18n/locales.js';

/**
 * How the server paints a page for this browser (render-first-paint.tsx): in the visitor's
 * language, with date-times in their time zone. Kept in cookies, the only thing the server sees
 * before the studio runs (the server's first-paint.ts reads the same names).
 */
export function rememberDisplayForServer(locale: Locale): void {
  const year = 365 * 24 * 3600;
  document.cookie = `tessera_locale=${locale}; path=/; max-age=${year}; samesite=lax`;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (timeZone) document.cookie = `tessera_tz=${encodeURIComponent(timeZone)}; path=/; max-age=${year}; samesite=lax`;
}
