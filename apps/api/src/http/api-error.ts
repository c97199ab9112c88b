/** Error codes the API answers with, and their HTTP statuses: one table for the whole edge. */
export const ERROR_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INVALID_SOURCE: 400,
  INVALID_CURSOR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SOURCE_NOT_FOUND: 404,
  LISTING_NOT_FOUND: 404,
  CANDIDATE_NOT_FOUND: 404,
  CONFLICT: 409,
  SOURCE_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  ADMIN_DISABLED: 503,
  NOT_READY: 503,
};

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. "config.boardToken" or "query.limit". */
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return ERROR_STATUS[this.code] ?? 500;
  }
}
