import type { Label } from '../api/types.js';
import type { Locale } from './locales.js';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A label in the given language (the other language, then the fallback, when it is missing). */
export function localized(label: Label | undefined, locale: Locale, fallback = ''): string {
  if (typeof label === 'string') return label;
  return label?.[locale] ?? label?.[locale === 'en' ? 'zh-CN' : 'en'] ?? fallback;
}

/** Formatters of dates and numbers for one language, through Intl. */
export interface Formatters {
  locale: Locale;
  label(label: Label | undefined, fallback?: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(value: string | number | Date): string;
  dateTime(value: string | number | Date): string;
}

const built = new Map<string, Formatters>();

/**
 * The formatters of a language, built once: an Intl formatter costs far more to make than to use,
 * and a table asks for one per cell. Date-times show in `timeZone` (an IANA name), by default the
 * browser's own; the server's first paint gives the visitor's.
 */
export function formatters(locale: Locale, timeZone?: string): Formatters {
  const key = `${locale}|${timeZone ?? ''}`;
  let found = built.get(key);
  if (!found) built.set(key, (found = buildFormatters(locale, timeZone)));
  return found;
}

function buildFormatters(locale: Locale, timeZone: string | undefined): Formatters {
  const numbers = new Intl.NumberFormat(locale);
  // Money and the other styled numbers: one formatter per style (currency), kept.
  const styled = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let format = styled.get(key);
    if (!format) styled.set(key, (format = new Intl.NumberFormat(locale, options)));
    return format;
  };
  // A date without a time is a calendar day: shown as such, in no time zone. Made on first use
  // (tens of milliseconds each at start-up, and many pages show no date).
  let days: Intl.DateTimeFormat | undefined;
  let moments: Intl.DateTimeFormat | undefined;
  const parse = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
  const valid = (date: Date) => !Number.isNaN(date.getTime());
  return {
    locale,
    label: (label, fallback) => localized(label, locale, fallback),
    number: (value, options) => (options ? numberFormat(options) : numbers).format(value),
    date: (value) => {
      const date = typeof value === 'string' && dateOnly.test(value) ? new Date(`${value}T00:00:00Z`) : parse(value);
      return valid(date) ? (days ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date) : String(value);
    },
    dateTime: (value) => {
      const date = parse(value);
      return valid(date) ? (moments ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) })).format(date) : String(value);
    },
  };
}
