import type { Bilingual } from './types.js';

/** One problem the server located in the request body by its JSON pointer. */
export interface PointerError {
  pointer: string;
  message: string | Partial<Bilingual>;
}

/**
 * What a failed request turns into. The server's body is `{ error: { code, messages, errors } }`;
 * `NETWORK` and `HTTP_<status>` stand for a request that got no such body.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Partial<Bilingual>;
  readonly errors: PointerError[];
  readonly requestId: string | undefined;
  /** The rest of the error body: typed details of the code (a refused apply's `plan`, a conflict's `current`). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, messages: Partial<Bilingual> = {}, errors: PointerError[] = [], requestId?: string, details: Record<string, unknown> = {}) {
    super(messages.en ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.errors = errors;
    this.requestId = requestId;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bilingual(value: unknown): Partial<Bilingual> {
  if (!isRecord(value)) return {};
  const out: Partial<Bilingual> = {};
  if (typeof value['zh-CN'] === 'string') out['zh-CN'] = value['zh-CN'];
  if (typeof value.en === 'string') out.en = value.en;
  return out;
}

function pointerErrors(value: unknown): PointerError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    pointer: typeof entry.pointer === 'string' ? entry.pointer : '',
    message: typeof entry.message === 'string' ? entry.message : bilingual(entry.message),
  }));
}

/** Reads the server's error body (wrapped in `error` or not) into an ApiError. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : body;
  if (!isRecord(error) || typeof error.code !== 'string') return new ApiError(status, `HTTP_${status}`);
  const messages = bilingual(error.messages);
  if (Object.keys(messages).length === 0 && typeof error.message === 'string') messages.en = error.message;
  const requestId = typeof error.request_id === 'string' ? error.request_id : undefined;
  const { code: _code, messages: _messages, message: _message, errors: _errors, request_id: _requestId, ...details } = error;
  return new ApiError(status, error.code, messages, pointerErrors(error.errors), requestId, details);
}

/**
 * The errors of a failed request located inside the part of the sent document at JSON pointer
 * `at` (a view or an object of a proposed blueprint), their pointers made relative to that part.
 */
export function errorsWithin(error: unknown, at: string | undefined): PointerError[] {
  if (!(error instanceof ApiError) || at === undefined) return [];
  return error.errors.filter((entry) => entry.pointer === at || entry.pointer.startsWith(`${at}/`)).map((entry) => ({ ...entry, pointer: entry.pointer.slice(at.length) }));
}
