import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import type { Locale } from './locales.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// antd's package.json declares no module type, so TypeScript (NodeNext) reads these ES modules as
// CommonJS and types the default import as the module; the bundler hands over the locale itself.
function unwrap(module: unknown): AntdLocale {
  const value = module as { default?: AntdLocale } & AntdLocale;
  return value.default ?? value;
}

const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': unwrap(zhCNModule), en: unwrap(enUSModule) };

/** antd's texts and dayjs's calendar for a language. */
export function antdLocale(locale: Locale): AntdLocale {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return antdLocales[locale];
}
