import en from './en.json' with { type: 'json' };
import buildEn from './areas/build.en.json' with { type: 'json' };
import buildZh from './areas/build.zh-CN.json' with { type: 'json' };
import duplicatesEn from './areas/duplicates.en.json' with { type: 'json' };
import duplicatesZh from './areas/duplicates.zh-CN.json' with { type: 'json' };
import formsEn from './areas/forms.en.json' with { type: 'json' };
import formsZh from './areas/forms.zh-CN.json' with { type: 'json' };
import importsEn from './areas/imports.en.json' with { type: 'json' };
import importsZh from './areas/imports.zh-CN.json' with { type: 'json' };
import listEn from './areas/list.en.json' with { type: 'json' };
import listZh from './areas/list.zh-CN.json' with { type: 'json' };
import recordEn from './areas/record.en.json' with { type: 'json' };
import recordZh from './areas/record.zh-CN.json' with { type: 'json' };
import viewsEn from './areas/views.en.json' with { type: 'json' };
import viewsZh from './areas/views.zh-CN.json' with { type: 'json' };
import type { Locale } from './locales.js';
import zhCN from './zh-CN.json' with { type: 'json' };

/** A tree of messages: keys to texts or to deeper trees. */
export type MessageTree = { [key: string]: string | MessageTree };

/**
 * Every message of the studio by language. The shell's messages sit at the top; each area of the
 * studio (build, forms, views, list, record, imports, duplicates) keeps its own files in areas/ and its keys under its
 * name (t('build.objects.title')), so that areas are edited apart.
 */
export const messages: Record<Locale, MessageTree> = {
  'zh-CN': { ...zhCN, build: buildZh, forms: formsZh, views: viewsZh, list: listZh, record: recordZh, imports: importsZh, duplicates: duplicatesZh },
  en: { ...en, build: buildEn, forms: formsEn, views: viewsEn, list: listEn, record: recordEn, imports: importsEn, duplicates: duplicatesEn },
};
