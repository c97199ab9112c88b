import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { MAX_LOG_FIELD, MAX_LOG_LINE, safeLogText, sanitizeLogValue, truncateText } from './log-redaction';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Nest's console logger with the log rules of log-redaction.ts applied to everything it writes, so
 * every caller is covered: messages, structured fields and stacks are made safe, and a line that
 * still comes out longer than MAX_LOG_LINE is cut (a JSON line keeps its level, context and the
 * start of its message, and says it was cut).
 */
export class RedactingConsoleLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
    params?: Record<string, unknown>,
  ): void {
    super.printMessages(
      messages.map((m) => sanitizeLogValue(this.resolveMessage(m))),
      context,
      logLevel,
      writeStreamType,
      typeof errorStack === 'string' ? safeLogText(errorStack, 2 * MAX_LOG_FIELD) : errorStack,
      params && (sanitizeLogValue(params) as Record<string, unknown>),
    );
  }

  protected override stringifyJsonLogObject(logObject: Record<string, unknown>): string {
    const line = super.stringifyJsonLogObject(logObject);
    if (line.length <= MAX_LOG_LINE) return line;
    const { level, pid, timestamp, context, message } = logObject;
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    return JSON.stringify({
      level,
      pid,
      timestamp,
      context,
      message: truncateText(text ?? '', MAX_LOG_FIELD),
      cut: `the line was ${line.length} characters; its fields were dropped`,
    });
  }

  protected override formatMessage(...args: Parameters<ConsoleLogger['formatMessage']>): string {
    const line = super.formatMessage(...args);
    return line.length <= MAX_LOG_LINE ? line : `${truncateText(line, MAX_LOG_LINE)}\n`;
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(stack && safeLogText(stack, 2 * MAX_LOG_FIELD));
  }
}

/** Structured JSON logs, one object per line (text for local reading when LOG_FORMAT=text). */
export function createLogger(level: string, format: 'json' | 'text'): ConsoleLogger {
  const upTo = LEVELS.indexOf(level as LogLevel);
  return new RedactingConsoleLogger({
    json: format === 'json',
    colors: format === 'text' && process.stdout.isTTY,
    logLevels: LEVELS.slice(0, upTo < 0 ? 4 : upTo + 1),
  });
}
