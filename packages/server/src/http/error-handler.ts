import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { TesseraError, translateDbError } from '@tessera/core';
import { bodyLimit } from './body-limit.js';

function prefersChinese(request: FastifyRequest): boolean {
  const language = request.headers['accept-language'];
  return /^zh/i.test(typeof language === 'string' ? language : 'zh-CN');
}

/** Maps what reading the body throws (malformed JSON, too large, not JSON) to Tessera errors. */
function fromBodyReading(error: FastifyError): TesseraError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return new TesseraError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return new TesseraError('PAYLOAD_TOO_LARGE', { limit: `${Math.round(bodyLimit / 1048576)} MiB` });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': return new TesseraError('UNSUPPORTED_MEDIA_TYPE');
    default: break;
  }
  if (error instanceof SyntaxError) return new TesseraError('MALFORMED_JSON');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return new TesseraError('BAD_REQUEST', { reason: 'the request could not be read' });
  return undefined;
}

/**
 * The one place errors become responses: client mistakes get their 4xx with zh-CN/en messages;
 * anything else is logged with the request id and answered 500 without internals.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const requestId = String(request.id);
  const known = error instanceof TesseraError ? error : fromBodyReading(error) ?? translateDbError(error);
  const tesseraError = known ?? new TesseraError('INTERNAL', { requestId });
  if (!known) request.log.error({ err: error }, 'internal error');
  const body = tesseraError.toJSON();
  body.message = prefersChinese(request) ? tesseraError.messages['zh-CN'] : tesseraError.messages.en;
  body.request_id = requestId;
  void reply.code(tesseraError.status).send({ error: body });
}
