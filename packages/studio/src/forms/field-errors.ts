import type { ErrorSchema } from '@rjsf/utils';
import type { PointerError } from '../api/api-error.js';
import { pointerText } from '../api/error-text.js';
import type { Locale } from '../i18n/locales.js';

/** The server's located errors split into those shown next to a field of the form and the rest. */
export interface SplitErrors {
  /** For react-jsonschema-form's extraErrors: messages under each placed field. */
  errorSchema: ErrorSchema;
  /** Errors of fields not on the form (or of the whole record), shown in the form's alert only. */
  others: PointerError[];
}

/** The field a record pointer names: its first segment, unescaped (RFC 6901). */
export function pointerField(pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  return first ? first.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Places a 422's errors (pointers such as /phone or /tags/2) next to their fields, in the user's language. */
export function splitFieldErrors(errors: readonly PointerError[], placed: ReadonlySet<string>, locale: Locale): SplitErrors {
  const split: SplitErrors = { errorSchema: {}, others: [] };
  for (const error of errors) {
    const field = pointerField(error.pointer);
    if (field === undefined || !placed.has(field)) {
      split.others.push(error);
      continue;
    }
    const entry = (split.errorSchema[field] ??= {}) as ErrorSchema;
    entry.__errors = [...(entry.__errors ?? []), pointerText(error, locale)];
  }
  return split;
}
