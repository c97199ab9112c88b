import type { IngestionErrorCode } from '#ingestion';
import type { JobsErrorCode } from '#jobs';
import type { SearchErrorCode } from '#search';

/** Codes the HTTP edge itself answers with (the libs' own codes are their unions, below). */
export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'DOMAIN_BANNED'
  | 'POSTING_NOT_FOUND'
  | 'LISTING_NOT_FOUND'
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_EXISTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'URI_TOO_LONG'
  | 'ADMIN_DISABLED'
  | 'NOT_READY'
  | 'INVALID_CURSOR'
  | 'LINK_INVALID'
  | 'LINK_EXPIRED'
  | 'SUBSCRIPTION_LIMIT'
  | 'MAIL_WEBHOOK_DISABLED'
  | 'INTERNAL';

/** Every code an API answer can carry. */
export type ErrorCode = ApiErrorCode | IngestionErrorCode | SearchErrorCode | JobsErrorCode;

/**
 * The HTTP status of every code: one table for the whole edge. A Record over the union, so a code
 * added to any lib without a status here fails to compile.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_SOURCE: 400,
  INVALID_CURSOR: 400,
  FILE_NOT_READABLE: 400,
  FILE_NOT_PARSEABLE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  DOMAIN_BANNED: 403,
  POSTING_NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  SOURCE_NOT_FOUND: 404,
  LISTING_NOT_FOUND: 404,
  SOURCE_EXISTS: 409,
  SUBSCRIPTION_LIMIT: 409,
  LINK_INVALID: 404,
  LINK_EXPIRED: 410,
  MAIL_WEBHOOK_DISABLED: 503,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  ADMIN_DISABLED: 503,
  NOT_READY: 503,
  QUEUE_UNAVAILABLE: 503,
};

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. "config.boardToken" or "query.limit". */
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
