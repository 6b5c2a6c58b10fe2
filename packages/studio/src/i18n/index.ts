import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { setRequestLanguage } from '../api/client.js';
import { rememberDisplayForServer } from '../first-paint/display-cookies.js';
import type { Locale } from './locales.js';
import { messages } from './messages.js';

const storageKey = 'tessera.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function apply(locale: Locale): void {
  // Screen readers and the browser's own translation read the page's language from <html lang>.
  document.documentElement.lang = locale;
  rememberDisplayForServer(locale);
  setRequestLanguage(locale);
}

/**
 * Starts i18next: in the browser with the stored language (zh-CN unless the user chose English);
 * on the server (first paint) with the one given, and without touching a document.
 */
export function initI18n(serverLocale?: Locale): typeof i18next {
  const locale = serverLocale ?? storedLocale();
  if (!serverLocale) apply(locale);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: messages['zh-CN'] }, en: { translation: messages.en } },
    lng: locale,
    fallbackLng: 'zh-CN',
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Keys such as apiKeys.scope.records:read contain colons; there is one namespace.
    nsSeparator: false,
  });
  return i18next;
}

/** Switches the language and remembers it in localStorage. */
export function changeLocale(locale: Locale): void {
  try { localStorage.setItem(storageKey, locale); } catch { /* private mode: the choice lasts this visit */ }
  apply(locale);
  void i18next.changeLanguage(locale);
}

/** The current language. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
