import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { documentSchema, type DocumentKind } from './document-schemas.js';
import { schemaProblems, type SchemaProblem } from './schema-problems.js';

// The same draft and options as the engine (packages/core schema-registry), so that what the
// editor accepts the server accepts; verbose tells the branches of an anyOf apart.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });

const validators = new Map<DocumentKind, ValidateFunction>();

/** Validates a document against its kind's schema; no problems means valid. */
export function validateDocument(kind: DocumentKind, value: unknown): SchemaProblem[] {
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv.compile(documentSchema(kind));
    validators.set(kind, validate);
  }
  return validate(value) ? [] : schemaProblems(validate.errors);
}
