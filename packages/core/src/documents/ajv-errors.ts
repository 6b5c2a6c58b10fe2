import type { ErrorObject } from 'ajv';
import { fieldError, type FieldError } from '../errors/index.js';

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function translate(error: ErrorObject, prefix: string): FieldError | undefined {
  const at = prefix + error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return fieldError(`${at}/${escapePointer(String(params.missingProperty))}`, 'required');
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      return fieldError(`${at}/${escapePointer(name)}`, 'unknown_field');
    }
    case 'type':
      return fieldError(at, 'type', { expected: String(params.type) });
    case 'minLength':
      return fieldError(at, 'min_length', { limit: Number(params.limit) });
    case 'maxLength':
      return fieldError(at, 'max_length', { limit: Number(params.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return fieldError(at, 'minimum', { limit: Number(params.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return fieldError(at, 'maximum', { limit: Number(params.limit) });
    case 'maxItems':
      return fieldError(at, 'too_many_items', { limit: Number(params.limit) });
    case 'pattern':
      return fieldError(at, 'pattern');
    case 'format':
      return fieldError(at, 'format', { format: String(params.format) });
    case 'enum':
    case 'const':
      return fieldError(at, 'option');
    case 'uniqueItems':
      return fieldError(at, 'duplicate_item');
    case 'decimal':
      return fieldError(at, 'decimal', { precision: Number(params.precision), scale: Number(params.scale) });
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return undefined;
    default:
      return fieldError(at, 'invalid', { reason: error.message ?? error.keyword });
  }
}

/**
 * Turns ajv's errors into Tessera field errors (JSON pointer + zh-CN/en message), one per
 * location and code. `prefix` locates the validated value inside a larger body (bulk rows).
 */
export function ajvErrorsToFieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    const translated = translate(error, prefix);
    if (!translated) continue;
    const key = `${translated.pointer} ${translated.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(translated);
  }
  if (result.length === 0 && (errors?.length ?? 0) > 0) result.push(fieldError(prefix || '/', 'invalid', { reason: 'does not match any allowed form' }));
  return result;
}
