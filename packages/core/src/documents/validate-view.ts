import type { ObjectDefinition, View } from './generated-types.js';
import { throwIfErrors } from '../errors/index.js';
import { documentValidator } from './schema-registry.js';
import { ajvErrorsToFieldErrors } from './ajv-errors.js';
import { checkView } from './check-view.js';

/**
 * Validates one view document on its own (a saved view): view.schema.json, then the checks a
 * blueprint's views pass, against the live objects. Throws INVALID_DOCUMENT with every error
 * located under `at`; returns the typed view.
 */
export function validateView(document: unknown, objects: ReadonlyMap<string, ObjectDefinition>, at: string): View {
  const validate = documentValidator('view');
  if (!validate(document)) throwIfErrors(ajvErrorsToFieldErrors(validate.errors, at), 'INVALID_DOCUMENT');
  const view = document as View;
  throwIfErrors(checkView(view, objects, at), 'INVALID_DOCUMENT');
  return view;
}
