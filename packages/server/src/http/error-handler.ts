import type { NextFunction, Request, Response } from 'express';
import { TesseraError, translateDbError } from '@tessera/core';
import { sendJson } from './send-json.js';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function prefersChinese(request: Request): boolean {
  return /^zh/i.test(request.get('accept-language') ?? 'zh-CN');
}

/** Maps what body parsing throws (malformed JSON, too large) to Tessera errors. */
function fromBodyParser(error: BodyParserError): TesseraError | undefined {
  if (error.type === 'entity.parse.failed') return new TesseraError('MALFORMED_JSON');
  if (error.type === 'entity.too.large') return new TesseraError('PAYLOAD_TOO_LARGE', { limit: `${Math.round((error.limit ?? 0) / 1048576)} MiB` });
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') return new TesseraError('UNSUPPORTED_MEDIA_TYPE');
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) return new TesseraError('BAD_REQUEST', { reason: 'the request could not be read' });
  return undefined;
}

/**
 * The one place errors become responses: client mistakes get their 4xx with zh-CN/en messages;
 * anything else is logged with the request id and answered 500 without internals.
 */
export function errorHandler(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  const requestId = String(response.locals.requestId ?? '');
  const known = error instanceof TesseraError ? error : fromBodyParser(error as BodyParserError) ?? translateDbError(error);
  const tesseraError = known ?? new TesseraError('INTERNAL', { requestId });
  if (!known) response.locals.log?.error({ reqId: requestId, err: error }, 'internal error');
  const body = tesseraError.toJSON();
  body.message = prefersChinese(request) ? tesseraError.messages['zh-CN'] : tesseraError.messages.en;
  body.request_id = requestId;
  sendJson(response, { error: body }, tesseraError.status);
}
