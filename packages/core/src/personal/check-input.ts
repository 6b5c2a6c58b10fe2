import { PersonalDataError } from './personal-data-error.js';

// Outside a surrogate pair; with the `u` flag a pair is one code point and does not match.
const loneSurrogate = /[\uD800-\uDFFF]/u;

function checkText(text: unknown, what: string): void {
  if (typeof text !== 'string') throw new PersonalDataError('invalid_argument', `expected the ${what} to be a string, got ${typeof text}`);
  // UTF-8 cannot carry a lone surrogate: it would come back as U+FFFD, a silent change of the
  // stored value, or two different values with one blind index.
  if (loneSurrogate.test(text)) throw new PersonalDataError('invalid_argument', `the ${what} holds a lone surrogate (not valid Unicode)`);
}

/** Throws `invalid_argument` unless the context is a non-empty, well-formed string. */
export function checkContext(context: string): void {
  checkText(context, 'context');
  if (context === '') throw new PersonalDataError('invalid_argument', 'a context (e.g. <workspace>.<object id>.<field id>) is required');
}

/** Throws `invalid_argument` unless the value is a well-formed string. */
export function checkValue(value: string): void {
  checkText(value, 'value');
}
