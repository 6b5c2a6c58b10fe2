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

/** Builds the formatters of a language. */
export function formatters(locale: Locale): Formatters {
  const numbers = new Intl.NumberFormat(locale);
  // A date without a time is a calendar day: shown as such, in no time zone.
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moments = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const parse = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
  const valid = (date: Date) => !Number.isNaN(date.getTime());
  return {
    locale,
    label: (label, fallback) => localized(label, locale, fallback),
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : numbers).format(value),
    date: (value) => {
      const date = typeof value === 'string' && dateOnly.test(value) ? new Date(`${value}T00:00:00Z`) : parse(value);
      return valid(date) ? days.format(date) : String(value);
    },
    dateTime: (value) => {
      const date = parse(value);
      return valid(date) ? moments.format(date) : String(value);
    },
  };
}
