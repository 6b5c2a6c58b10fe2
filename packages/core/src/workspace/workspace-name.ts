import { TesseraError } from '../errors/index.js';

const maxNameLength = 100;
// Control characters have no place in a display name, and PostgreSQL text cannot hold NUL.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** A workspace's display name: 1–100 characters, not blank, no control characters; kept verbatim. */
export function checkWorkspaceName(name: unknown): string {
  const valid = typeof name === 'string' && name.trim() !== '' && [...name].length <= maxNameLength && !controlCharacters.test(name);
  if (!valid) throw new TesseraError('BAD_REQUEST', { reason: `a workspace name is 1-${maxNameLength} characters, not blank, without control characters` });
  return name;
}
