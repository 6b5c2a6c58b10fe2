import type { PointerError } from '../api/api-error.js';
import { pointerText } from '../api/error-text.js';
import type { Locale } from '../i18n/locales.js';

/** Messages under each field of the form, by field name (react-jsonschema-form's extraErrors of a flat form). */
export type FieldErrors = Record<string, { __errors: string[] }>;

/** The server's located errors split into those shown next to a field of the form and the rest. */
export interface SplitErrors {
  /** For react-jsonschema-form's extraErrors: messages under each placed field. */
  errorSchema: FieldErrors;
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
    const entry = (split.errorSchema[field] ??= { __errors: [] });
    entry.__errors.push(pointerText(error, locale));
  }
  return split;
}

/**
 * The field errors to show now: the server's for fields whose value is still the one sent (an
 * edited field's error is gone), and a message for each field named in `own` (the form's own finding).
 */
export function standingErrors(server: FieldErrors, sent: Readonly<Record<string, unknown>> | undefined, data: Readonly<Record<string, unknown>>, own: readonly string[], message: string): FieldErrors {
  const standing: FieldErrors = Object.fromEntries(Object.entries(server).filter(([name]) => JSON.stringify(sent?.[name]) === JSON.stringify(data[name])));
  for (const name of own) standing[name] = { __errors: [message] };
  return standing;
}
