import type { Blueprint } from '../api/documents.js';
import type { Label } from '../api/types.js';
import { localized } from '../i18n/formatters.js';
import type { Locale } from '../i18n/locales.js';

/** The labels of objects and fields by API name, in one language; the name itself when unknown. */
export interface Names {
  object(object: string): string;
  field(object: string, field: string): string;
  /** Any label (a view's, an option's) in the same language. */
  label(label: Label | undefined, fallback: string): string;
}

/**
 * Looks names up in the blueprints given, first match wins: a plan names things as the next
 * blueprint does, and what it archives is found only in the current one.
 */
export function namesIn(blueprints: (Blueprint | undefined)[], locale: Locale): Names {
  const objects = blueprints.flatMap((blueprint) => blueprint?.objects ?? []);
  const label = (value: Label | undefined, fallback: string) => localized(value, locale, fallback);
  return {
    label,
    object: (object) => label(objects.find((candidate) => candidate.name === object)?.label, object),
    field: (object, field) => {
      for (const candidate of objects) {
        if (candidate.name !== object) continue;
        const found = candidate.fields.find((entry) => entry.name === field);
        if (found) return label(found.label, field);
      }
      return field;
    },
  };
}
