import type { TFunction } from 'i18next';
import type { Locale } from '../i18n/locales.js';
import { ApiError, type PointerError } from './api-error.js';

/** The message of a failed request in the current language: the server's own, else the studio's. */
export function errorText(error: unknown, locale: Locale, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const own = error.messages[locale] ?? error.messages[locale === 'en' ? 'zh-CN' : 'en'];
  if (own) return own;
  if (error.code === 'NETWORK') return t('errors.network');
  return t('errors.status', { status: error.status });
}

/** A located error's message in the current language. */
export function pointerText(error: PointerError, locale: Locale): string {
  if (typeof error.message === 'string') return error.message;
  return error.message[locale] ?? error.message[locale === 'en' ? 'zh-CN' : 'en'] ?? '';
}

/** The errors located by pointer, pointers made relative to `prefix` (as "/document" of a PUT body). */
export function pointerErrors(error: unknown, prefix = ''): PointerError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.map((entry) => ({
    ...entry,
    pointer: prefix && entry.pointer.startsWith(prefix) ? entry.pointer.slice(prefix.length) : entry.pointer,
  }));
}

/** Whether the request failed because the endpoint or thing is not there. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
