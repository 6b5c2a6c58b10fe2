import { TesseraError } from '../errors/index.js';

/**
 * Runs one of access/'s field checks as a question: false when it refuses a field (FIELD_FORBIDDEN),
 * so that what a role is shown is decided by the very rule that would refuse the query.
 */
export function isPermitted(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof TesseraError && error.code === 'FIELD_FORBIDDEN') return false;
    throw error;
  }
}
