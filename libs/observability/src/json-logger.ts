import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Structured JSON logs, one object per line (text for local reading when LOG_FORMAT=text). */
export function createLogger(level: string, format: 'json' | 'text'): ConsoleLogger {
  const upTo = LEVELS.indexOf(level as LogLevel);
  return new ConsoleLogger({
    json: format === 'json',
    colors: format === 'text' && process.stdout.isTTY,
    logLevels: LEVELS.slice(0, upTo < 0 ? 4 : upTo + 1),
  });
}

/** "maria.lopez@example.org" -> "m***@example.org": addresses never reach logs in full. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
