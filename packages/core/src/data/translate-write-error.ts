import { desiredForeignKeys, desiredIndexes, indexColumn } from '../schema/index.js';
import { translateDbError } from '../db/index.js';
import { TesseraError, fieldError } from '../errors/index.js';
import type { BlueprintModel } from '../documents/index.js';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
}

/**
 * Translates a database error from a write into the client's terms: the unique index or foreign
 * key is mapped back to the field it guards. Other errors pass through untouched.
 */
export function translateWriteError(error: unknown, model: BlueprintModel): unknown {
  const pgError = error as PgError;
  if (pgError?.code === '23505' && pgError.constraint) {
    const index = desiredIndexes(model.blueprint).get(pgError.constraint);
    const columns = pgError.constraint.endsWith('_pkey') ? ['id'] : (index?.columns ?? []).map((column) => indexColumn(column).name);
    const field = columns.length > 0 ? columns.join(', ') : 'unknown';
    return new TesseraError('UNIQUE_VIOLATION', { field }, { errors: columns.map((column) => fieldError(`/${column}`, 'unique')), details: { field } });
  }
  if (pgError?.code === '21000') {
    // ON CONFLICT met one row twice: two records of one upsert carry the same key as PostgreSQL compares it.
    return new TesseraError('BAD_REQUEST', { reason: 'two records of the request have the same key' });
  }
  if (pgError?.code === '23503' && pgError.constraint) {
    const key = desiredForeignKeys(model.blueprint).get(pgError.constraint);
    const field = key?.column ?? (pgError.constraint.startsWith('fk_') ? 'unknown' : 'related record');
    return new TesseraError('RELATION_VIOLATION', { field }, { details: { field } });
  }
  if (pgError?.code === '23502' && pgError.column) {
    return new TesseraError('VALIDATION_FAILED', { count: 1 }, { errors: [fieldError(`/${pgError.column}`, 'required')] });
  }
  if (pgError?.code === '22P02' || pgError?.code === '22007' || pgError?.code === '22008' || pgError?.code === '22003') {
    return new TesseraError('BAD_REQUEST', { reason: 'a value does not fit its field' });
  }
  return translateDbError(error) ?? error;
}
