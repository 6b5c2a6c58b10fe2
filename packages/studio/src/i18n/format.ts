import { createContext, useContext } from 'react';
import { formatters, type Formatters } from './formatters.js';
import { useLocale } from './index.js';

/** The time zone date-times show in: none (the browser's own) but in the server's first paint, which gives the visitor's. */
export const DisplayTimeZone = createContext<string | undefined>(undefined);

/** The formatters of the current language. */
export function useFormat(): Formatters {
  const locale = useLocale();
  return formatters(locale, useContext(DisplayTimeZone));
}
