import { errorCodes, type ErrorCode } from './error-codes.js';
import { fieldMessages, type FieldErrorCode } from './field-messages.js';

/** A text in both languages the product speaks. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

/** One error located in a document or record by its JSON pointer. */
export interface FieldError {
  pointer: string;
  code: FieldErrorCode;
  message: Bilingual;
  params?: Record<string, string | number>;
}

type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Builds a field error with its bilingual message. */
export function fieldError(pointer: string, code: FieldErrorCode, params: Params = {}): FieldError {
  const template = fieldMessages[code];
  const error: FieldError = { pointer, code, message: { 'zh-CN': fill(template['zh-CN'], params), en: fill(template.en, params) } };
  if (Object.keys(params).length > 0) error.params = params;
  return error;
}

/**
 * The one error type of Tessera: a stable code, an HTTP status, bilingual message and typed details.
 * Anything thrown that is not a TesseraError is an internal fault and is never shown to a client.
 */
export class TesseraError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: Bilingual;
  readonly params: Params;
  readonly errors: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, params: Params = {}, extra: { errors?: FieldError[]; details?: Record<string, unknown> } = {}) {
    const entry = errorCodes[code];
    const messages = { 'zh-CN': fill(entry['zh-CN'], params), en: fill(entry.en, params) };
    super(messages.en);
    this.name = 'TesseraError';
    this.code = code;
    this.status = entry.status;
    this.messages = messages;
    this.params = params;
    this.errors = extra.errors ?? [];
    this.details = extra.details ?? {};
  }

  /** The JSON body a client receives. */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      status: this.status,
      message: this.messages.en,
      messages: this.messages,
      ...(this.errors.length > 0 ? { errors: this.errors } : {}),
      ...this.details,
    };
  }
}

/** Throws VALIDATION_FAILED (or the given code) when errors were found. */
export function throwIfErrors(errors: FieldError[], code: 'VALIDATION_FAILED' | 'INVALID_DOCUMENT' = 'VALIDATION_FAILED'): void {
  if (errors.length > 0) throw new TesseraError(code, { count: errors.length }, { errors });
}
