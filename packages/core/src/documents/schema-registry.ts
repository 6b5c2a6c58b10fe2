import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where the JSON Schemas of every document kind live (the repository's schemas/ folder). */
export const schemasDirectory = fileURLToPath(new URL('../../../../schemas/', import.meta.url));

const baseUrl = 'https://tessera.dev/schemas/';

/** Document kinds with a schema in schemas/. */
export type DocumentKind = 'blueprint' | 'object' | 'field' | 'relation' | 'view' | 'form' | 'filter' | 'role' | 'import-mapping' | 'dedupe-rule';

/**
 * Creates an ajv (JSON Schema 2020-12) instance with the formats Tessera uses. `tsType` is an
 * annotation for the type generator, so ajv is told to accept it.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  return ajv;
}

function loadDocumentSchemas(): Ajv2020 {
  const ajv = createAjv();
  for (const file of readdirSync(schemasDirectory).filter((name) => name.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(`${schemasDirectory}${file}`, 'utf8')) as object);
  }
  return ajv;
}

const documentsAjv = loadDocumentSchemas();
const validators = new Map<DocumentKind, ValidateFunction>();

/** The compiled validator of one document kind (compiled once per process). */
export function documentValidator(kind: DocumentKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    const found = documentsAjv.getSchema(`${baseUrl}${kind}.schema.json`);
    if (!found) throw new Error(`no schema for document kind ${kind}`);
    validate = found;
    validators.set(kind, validate);
  }
  return validate;
}
