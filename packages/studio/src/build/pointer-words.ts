import type { TFunction } from 'i18next';
import type { Blueprint } from '../api/documents.js';
import { localized } from '../i18n/formatters.js';
import type { Locale } from '../i18n/locales.js';
import { namesIn, type Names } from './blueprint-names.js';

/** The parts of a JSON pointer (RFC 6901), unescaped. */
export function pointerParts(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Arrays whose items are named in words (an object, a field…) rather than by their position. */
const collections: Record<string, string> = { objects: 'object', fields: 'field', views: 'view', forms: 'form', sections: 'section', columns: 'column' };

type Entry = { name?: unknown; label?: unknown; title?: unknown; field?: unknown; object?: unknown };

/** How an item of a collection is called: its label or title, else the field or object it names. */
function entryLabel(entry: Entry | undefined, object: string | undefined, names: Names, locale: Locale, index: number): string {
  const fallback = typeof entry?.name === 'string' ? entry.name : `#${index + 1}`;
  const text = entry?.label ?? entry?.title;
  if (text && typeof text === 'object') return localized(text as Record<string, string>, locale, fallback);
  if (typeof entry?.field === 'string') return object ? names.field(object, entry.field) : entry.field;
  if (typeof entry?.object === 'string') return names.object(entry.object);
  return fallback;
}

function childOf(value: unknown, part: string): unknown {
  if (Array.isArray(value)) return value[Number(part)];
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
}

/**
 * A pointer into a blueprint in words: /objects/3/fields/2/maxLength reads
 * 对象「客户」 › 字段「手机」 › 最大长度. Items the blueprint does not have are shown by position.
 */
export function pointerText(pointer: string, blueprint: Blueprint | undefined, t: TFunction, locale: Locale): string {
  const parts = pointerParts(pointer);
  if (parts.length === 0) return t('build.pointer.root');
  const names = namesIn([blueprint], locale);
  const words: string[] = [];
  let value: unknown = blueprint;
  // The object the pointer is inside (an object itself, or the object of a view or form), to name its fields.
  let object: string | undefined;
  for (let at = 0; at < parts.length; at += 1) {
    const part = parts[at]!;
    const next = parts[at + 1];
    const collection = collections[part];
    const indexed = next !== undefined && /^\d+$/.test(next);
    if (indexed && (collection || part === 'options')) {
      value = childOf(childOf(value, part), next);
      const entry = value as Entry | undefined;
      words.push(collection ? t(`build.pointer.${collection}`, { name: entryLabel(entry, object, names, locale, Number(next)) }) : t('build.pointer.option', { n: Number(next) + 1 }));
      if (part === 'objects' && typeof entry?.name === 'string') object = entry.name;
      if ((part === 'views' || part === 'forms') && typeof entry?.object === 'string') object = entry.object;
      at += 1;
      continue;
    }
    value = childOf(value, part);
    words.push(/^\d+$/.test(part) ? t('build.pointer.item', { n: Number(part) + 1 }) : t(`build.prop.${part}`, { defaultValue: part }));
  }
  return words.join(t('build.pointer.separator'));
}
