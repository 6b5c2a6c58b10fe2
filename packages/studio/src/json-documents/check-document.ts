import type { DocumentKind } from './document-schemas.js';
import { validateDocument } from './document-validator.js';
import { parseJson, type JsonSyntaxError } from './parse-json.js';
import type { SchemaProblem } from './schema-problems.js';

/** A text checked as a document of a kind: not JSON, JSON with schema problems, or valid. */
export type DocumentCheck =
  | { status: 'syntax'; error: JsonSyntaxError }
  | { status: 'invalid'; value: unknown; problems: SchemaProblem[] }
  | { status: 'valid'; value: unknown };

/** Parses a text and validates it against its kind's schema: what the editor underlines and what blocks Apply. */
export function checkDocument(kind: DocumentKind, text: string): DocumentCheck {
  const parsed = parseJson(text);
  if (!parsed.ok) return { status: 'syntax', error: parsed.error };
  const problems = validateDocument(kind, parsed.value);
  return problems.length > 0 ? { status: 'invalid', value: parsed.value, problems } : { status: 'valid', value: parsed.value };
}
