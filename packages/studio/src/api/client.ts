import { ApiError, apiErrorFrom } from './api-error.js';
import { takeEarlyResponse } from './early-requests.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | undefined;
let language = 'zh-CN';
let onUnauthorized: () => void = () => {};
let transport: (path: string, init: RequestInit) => Promise<Response> = (path, init) => fetch(path, init);

/** Remembers the CSRF token of the session (from sign-in or GET /api/auth/session). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The language the server should write its messages in. */
export function setRequestLanguage(locale: string): void {
  language = locale;
}

/** What to do when a request answers 401 (the session ended): the app sends the user to sign in. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/**
 * Where requests go: the browser's fetch, or (when the server renders a page's first paint) the
 * server's own API, in-process, with the page request's cookie.
 */
export function setTransport(send: (path: string, init: RequestInit) => Promise<Response>): void {
  transport = send;
}

/** Options of one request. */
export interface RequestOptions {
  /** False where a 401 is an answer to show (sign-in), not an ended session. */
  redirectOn401?: boolean;
}

/** The headers every request of `method` carries: the language, and the CSRF token on unsafe methods (uploads send them too). */
export function sessionHeaders(method: string): Record<string, string> {
  return { 'accept-language': language, ...(unsafeMethods.has(method) && csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
}

async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...sessionHeaders(method) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    const early = method === 'GET' ? await takeEarlyResponse(path)?.catch(() => undefined) : undefined;
    response = early ?? await transport(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiError(0, 'NETWORK');
  }
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
  const error = apiErrorFrom(response.status, parsed);
  if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized();
  throw error;
}

/** Sends a JSON request with the session cookie (and the CSRF token on unsafe methods); throws ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** Fetches a file (an export) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path, undefined, {});
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The JSON API, one function per method. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One path segment, escaped. */
export const seg = (value: string) => encodeURIComponent(value);
