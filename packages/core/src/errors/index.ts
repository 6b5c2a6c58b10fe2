/** Errors: one typed error with a stable code, HTTP status and zh-CN/en messages. */
export { errorCodes, type ErrorCode } from './error-codes.js';
export { fieldMessages, type FieldErrorCode } from './field-messages.js';
export { TesseraError, fieldError, throwIfErrors, type FieldError, type Bilingual } from './tessera-error.js';
