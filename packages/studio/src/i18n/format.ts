import { formatters, type Formatters } from './formatters.js';
import { useLocale } from './index.js';

/** The formatters of the current language. */
export function useFormat(): Formatters {
  const locale = useLocale();
  return formatters(locale);
}
