import type { TFunction } from 'i18next';
import type { Blueprint } from '../api/documents.js';
import { localized } from '../i18n/formatters.js';
import type { Locale } from '../i18n/locales.js';

/** The parts of a JSON pointer (RFC 6901), unescaped. */
export function pointerParts(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Named = { name?: string; object?: string; label?: unknown };

function labelOf(entry: Named | undefined, locale: Locale, index: number, blueprint: Blueprint | undefined): string {
  if (!entry) return `#${index + 1}`;
  if (entry.label && typeof entry.label === 'object') return localized(entry.label as Record<string, string>, locale, entry.name ?? `#${index + 1}`);
  // A form has no label of its own: it is named after its object.
  const object = blueprint?.objects.find((candidate) => candidate.name === entry.object);
  return localized(object?.label, locale, entry.object ?? entry.name ?? `#${index + 1}`);
}

const collections: Record<string, string> = { objects: 'object', fields: 'field', views: 'view', forms: 'form' };

function childOf(value: unknown, part: string): unknown {
  if (Array.isArray(value)) return value[Number(part)];
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
}

/**
 * A pointer into a blueprint in words: /objects/3/fields/2/maxLength reads
 * 对象「客户」 › 字段「手机」 › 最大长度. Parts the blueprint does not have are shown as numbers.
 */
export function pointerText(pointer: string, blueprint: Blueprint | undefined, t: TFunction, locale: Locale): string {
  const parts = pointerParts(pointer);
  if (parts.length === 0) return t('build.pointer.root');
  const words: string[] = [];
  let value: unknown = blueprint;
  for (let at = 0; at < parts.length; at += 1) {
    const part = parts[at]!;
    const next = parts[at + 1];
    const collection = collections[part];
    if (next !== undefined && /^\d+$/.test(next) && (collection || part === 'options')) {
      const index = Number(next);
      value = childOf(childOf(value, part), next);
      words.push(collection ? t(`build.pointer.${collection}`, { [collection]: labelOf(value as Named | undefined, locale, index, blueprint) }) : t('build.pointer.option', { n: index + 1 }));
      at += 1;
      continue;
    }
    value = childOf(value, part);
    words.push(/^\d+$/.test(part) ? t('build.pointer.item', { n: Number(part) + 1 }) : t(`build.prop.${part}`, { defaultValue: part }));
  }
  return words.join(t('build.pointer.separator'));
}
