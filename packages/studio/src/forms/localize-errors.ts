import type { RJSFValidationError } from '@rjsf/utils';
import type { TFunction } from 'i18next';

/** The ajv keywords the form's own check reports, each with its message key in the forms area. */
const messageKeys: Record<string, string> = {
  required: 'forms.check.required', maxLength: 'forms.check.maxLength', minLength: 'forms.check.minLength',
  pattern: 'forms.check.pattern', minimum: 'forms.check.minimum', maximum: 'forms.check.maximum',
  type: 'forms.check.type', format: 'forms.check.format', uniqueItems: 'forms.check.uniqueItems',
  oneOf: 'forms.check.option', enum: 'forms.check.option',
};

/**
 * The form's own check (shape only: required, lengths, bounds, types) in the user's language;
 * rules that matter beyond shape come from the API's answer. A select's per-option `const`
 * failures are dropped: its `oneOf` failure says it once.
 */
export function localizeErrors(errors: RJSFValidationError[], t: TFunction): RJSFValidationError[] {
  return errors.filter((error) => error.name !== 'const').map((error) => {
    const key = messageKeys[error.name ?? ''] ?? 'forms.check.invalid';
    const params = (error.params ?? {}) as { limit?: unknown };
    return { ...error, message: t(key, { limit: params.limit }) };
  });
}
