import { TesseraError } from '../errors/index.js';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

/** Constraint names Tessera gives encode the field name after the last `__`. */
function fieldOfConstraint(constraint: string | undefined): string {
  if (!constraint) return 'unknown';
  const parts = constraint.split('__');
  return parts[parts.length - 1] ?? constraint;
}

/**
 * Translates a PostgreSQL error caused by the client's data into a TesseraError; returns
 * undefined for anything else (an internal fault).
 */
export function translateDbError(error: unknown): TesseraError | undefined {
  if (error instanceof TesseraError) return error;
  const pgError = error as PgError;
  switch (pgError?.code) {
    case '23505':
      return new TesseraError('UNIQUE_VIOLATION', { field: fieldOfConstraint(pgError.constraint) });
    case '23503':
      return new TesseraError('RELATION_VIOLATION', { field: fieldOfConstraint(pgError.constraint) });
    case '23502':
      return new TesseraError('VALIDATION_FAILED', { count: 1 }, { errors: [] });
    case '22003':
      return new TesseraError('BAD_REQUEST', { reason: 'a number is out of range' });
    default:
      return undefined;
  }
}
