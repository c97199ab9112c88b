import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ZodError } from 'zod';
import { IngestionError } from '#ingestion';
import { ApiError, ERROR_STATUS } from './api-error';

/**
 * The one place errors become HTTP answers: `{ error: { code, message, details? } }` with the status
 * the code maps to. Unknown errors are logged and answered 500 without internals.
 */
const HTTP_CODES: Record<number, string> = { 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE' };

@Catch()
export class ErrorCodeFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorCodeFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toAnswer(exception);
    if (status >= 500 && !(exception instanceof ApiError)) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    res.status(status).json({ error: body });
  }

  private toAnswer(exception: unknown): { status: number; body: Record<string, unknown> } {
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
    if (exception instanceof IngestionError) {
      return {
        status: ERROR_STATUS[exception.code] ?? 400,
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
      const code =
        status === 400
          ? 'VALIDATION_FAILED'
          : (HTTP_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL'));
      return {
        status,
        body: { code, message: Array.isArray(message) ? message.join('; ') : String(message) },
      };
    }
    // Malformed JSON bodies arrive from the body parser as a SyntaxError with status 400.
    const withStatus = exception as { status?: number; type?: string; message?: string };
    if (withStatus?.type === 'entity.parse.failed') {
      return {
        status: 400,
        body: { code: 'VALIDATION_FAILED', message: `malformed JSON body: ${withStatus.message}` },
      };
    }
    if (withStatus?.type === 'entity.too.large') {
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' } };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'internal error' } };
  }
}
