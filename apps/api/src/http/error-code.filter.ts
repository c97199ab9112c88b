import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { ZodError } from 'zod';
import { IngestionError } from '#ingestion';
import { QueueUnavailableError } from '#jobs';
import { databaseErrorFields, isDatabaseError } from '#persistence';
import { InvalidCursorError } from '#search';
import { isPageRequest, renderErrorPage } from '../web/kit/error-page';
import { HTML_CONTENT_TYPE } from '../web/kit/html-page';
import { ApiError, ERROR_STATUS, type ApiErrorCode, type ErrorCode, type ErrorDetail } from './api-error';

/**
 * The one place errors become HTTP answers: `{ error: { code, message, details? } }` with the status
 * the code maps to (ERROR_STATUS), or for a page address the same status with an error page naming the
 * same fields. Unknown errors are logged and answered 500 without internals.
 */
const HTTP_CODES: Partial<Record<number, ApiErrorCode>> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The HTTP layer's refusals that are not about a field (their own messages name internals). */
const FRAMEWORK_ANSWERS: Partial<Record<number, { code: ApiErrorCode; message: string }>> = {
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'request bodies are JSON (application/json)' },
};

type Answer = { status: number; body: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

@Catch()
export class ErrorCodeFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorCodeFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res: unknown = host.switchToHttp().getResponse();
    const req = host.switchToHttp().getRequest<{ url?: string }>();
    const { status, body } = this.toAnswer(exception);
    if (status >= 500 && !(exception instanceof ApiError)) {
      // A driver error carries the statement and its parameters: only its name and SQLSTATE are logged.
      if (isDatabaseError(exception))
        this.logger.error({ message: 'request failed', ...databaseErrorFields(exception) });
      else
        this.logger.error(
          exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
        );
    }
    const http = this.adapterHost.httpAdapter;
    if (isPageRequest(req?.url ?? '/api')) {
      http.setHeader(res, 'Content-Type', HTML_CONTENT_TYPE);
      http.setHeader(res, 'Cache-Control', 'no-store');
      http.reply(res, renderErrorPage(status, body.message, body.details), status);
      return;
    }
    http.reply(res, { error: body }, status);
  }

  private toAnswer(exception: unknown): Answer {
    if (exception instanceof ApiError) {
      return {
        status: exception.status,
        body: { code: exception.code, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof ZodError) {
      const details = exception.issues.map((i) => ({
        field: i.path.join('.') || '(body)',
        message: i.message,
      }));
      return {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
          details,
        },
      };
    }
    if (
      exception instanceof IngestionError ||
      exception instanceof InvalidCursorError ||
      exception instanceof QueueUnavailableError
    ) {
      return {
        status: ERROR_STATUS[exception.code],
        body: { code: exception.code, message: exception.message },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: unknown }).message ?? exception.message);
      // Nest answers malformed JSON bodies with a 400 HttpException: that is the client's input failing.
      const code: ApiErrorCode =
        status === 400
          ? 'VALIDATION_FAILED'
          : (HTTP_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL'));
      return {
        status,
        body: { code, message: Array.isArray(message) ? message.join('; ') : String(message) },
      };
    }
    // The HTTP layer's own refusals (malformed or empty JSON, a body over the limit, a content type
    // it does not parse) arrive as errors carrying a status and an FST_ code.
    const fromHttp = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fromHttp?.code === 'string' && fromHttp.code.startsWith('FST_') && fromHttp.statusCode) {
      const known = FRAMEWORK_ANSWERS[fromHttp.statusCode];
      if (known) return { status: fromHttp.statusCode, body: known };
      if (fromHttp.statusCode < 500) {
        const message = /JSON/i.test(fromHttp.code)
          ? `malformed JSON body: ${fromHttp.message ?? ''}`
          : (fromHttp.message ?? 'bad request');
        return { status: 400, body: { code: 'VALIDATION_FAILED', message } };
      }
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'internal error' } };
  }
}
