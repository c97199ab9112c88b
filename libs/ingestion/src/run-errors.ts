import { ZodError } from 'zod';
import { HttpError, type HttpErrorCode } from '#http';
import { maskEmails } from '#observability';
import { databaseErrorFields, isDatabaseError } from '#persistence';
import { ParseError } from '#sources';
import { IngestionError, type IngestionErrorCode } from './ingestion-types';

/**
 * Every code a run row (and a source's lastErrorCode) can carry. A run that failed has one of the
 * failure codes; a run that did not start has a skip code; a partial run may carry PARSE_ERROR.
 */
export type RunErrorCode =
  // The fetch: the HTTP client's codes, an HTTP status split by what it means for the source.
  | Exclude<HttpErrorCode, 'HTTP_STATUS'>
  /** 404 or 410: the board or feed is gone (a renamed board token, a removed feed). */
  | 'HTTP_NOT_FOUND'
  /** 401 or 403: the source refuses us (a key missing or revoked, a board made private). */
  | 'HTTP_DENIED'
  /** Another 4xx but 408 and 429: the request itself is wrong and will stay wrong. */
  | 'HTTP_REFUSED'
  /** 5xx, 408 or 429: the source's trouble, worth trying again later. */
  | 'HTTP_STATUS'
  | 'PARSE_ERROR'
  /** A complete snapshot lost more than the shrink guard's share of open postings: held, nothing closed. */
  | 'SUSPECT_SNAPSHOT'
  | 'CONFIG_INVALID'
  | 'UNKNOWN_KIND'
  | 'DATABASE_ERROR'
  | 'INTERNAL'
  | IngestionErrorCode
  /** The process running it stopped before it finished (found by the next run), or shut down midway. */
  | 'INTERRUPTED'
  /** The run lost its lock (its connection dropped, or another run took the source) and stopped writing. */
  | 'LOCK_LOST'
  // Runs that did not start.
  | 'DISABLED'
  | 'COOLDOWN'
  | 'ALREADY_RUNNING'
  /** A permanent failure stopped the schedule until the source is changed or run by hand. */
  | 'HALTED';

/**
 * Failures that will not get better by retrying: the queue does not retry them, and scheduled runs
 * stop (the source is halted, visible in its health) until an operator changes or runs the source.
 */
export const PERMANENT_RUN_ERRORS: ReadonlySet<RunErrorCode> = new Set<RunErrorCode>([
  'HTTP_NOT_FOUND',
  'HTTP_DENIED',
  'HTTP_REFUSED',
  'ROBOTS_DISALLOWED',
  'UNSUPPORTED_PROTOCOL',
  'BAD_REDIRECT',
  'TOO_MANY_REDIRECTS',
  'BLOCKED_ADDRESS',
  'CREDENTIALS_IN_URL',
  'CONFIG_INVALID',
  'UNKNOWN_KIND',
  'SOURCE_NOT_FOUND',
  'INVALID_SOURCE',
]);

export function isPermanentRunError(code: RunErrorCode | null): boolean {
  return code !== null && PERMANENT_RUN_ERRORS.has(code);
}

function httpCode(err: HttpError): RunErrorCode {
  if (err.code !== 'HTTP_STATUS' || err.status === undefined) return err.code;
  if (err.status === 404 || err.status === 410) return 'HTTP_NOT_FOUND';
  if (err.status === 401 || err.status === 403) return 'HTTP_DENIED';
  return err.permanent ? 'HTTP_REFUSED' : 'HTTP_STATUS';
}

/** A run that must stop writing: it lost its lock, or its process is shutting down. */
export class RunStopped extends Error {
  constructor(
    readonly code: 'LOCK_LOST' | 'INTERRUPTED',
    message: string,
  ) {
    super(message);
    this.name = 'RunStopped';
  }
}

/** The run's code and message for an error that ended it (messages never carry statements or addresses). */
export function describeRunError(err: unknown): { code: RunErrorCode; message: string } {
  if (err instanceof RunStopped) return { code: err.code, message: err.message };
  if (err instanceof HttpError) return { code: httpCode(err), message: err.message };
  if (err instanceof ParseError) return { code: err.code, message: err.message };
  if (err instanceof IngestionError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) {
    return {
      code: 'CONFIG_INVALID',
      message: `source config: ${err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    };
  }
  if (err instanceof Error && err.name === 'UnknownAdapterError')
    return { code: 'UNKNOWN_KIND', message: err.message };
  if (isDatabaseError(err)) {
    // The driver's message may quote a value from a posting; the statement and its parameters are
    // never stored (see databaseErrorFields).
    const { statement, sqlState, error } = databaseErrorFields(err);
    return {
      code: 'DATABASE_ERROR',
      message: `database error ${sqlState ?? ''} in ${statement ?? 'a statement'}: ${error}`,
    };
  }
  return { code: 'INTERNAL', message: maskEmails(err instanceof Error ? err.message : String(err)) };
}
