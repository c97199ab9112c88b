import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { safeLogText } from '#observability';
import { databaseErrorFields, describeParameters } from './database-errors';

/** Where database events go: the process's logger, as structured lines. */
export interface DatabaseLogSink {
  error(fields: Record<string, unknown>): void;
  warn(fields: Record<string, unknown>): void;
  log(fields: Record<string, unknown>): void;
}

const nestSink = (): DatabaseLogSink => {
  const logger = new NestLogger('Database');
  return {
    error: (fields) => logger.error(fields),
    warn: (fields) => logger.warn(fields),
    log: (fields) => logger.log(fields),
  };
};

/**
 * TypeORM's logger replaced: a failed statement is one structured line with the statement's name, the
 * SQLSTATE and the masked message; parameters by kind and size only. TypeORM's own logger printed
 * the whole statement and every parameter (a batch insert of postings: megabytes of bodies).
 * Successful queries are not logged.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly sink: DatabaseLogSink;

  constructor(sink?: DatabaseLogSink) {
    this.sink = sink ?? nestSink();
  }

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    this.sink.error({
      message: 'database statement failed',
      ...databaseErrorFields(error, query),
      parameterKinds: describeParameters(parameters),
    });
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[] | object): void {
    this.sink.warn({
      message: 'slow database statement',
      statement: databaseErrorFields(null, query).statement,
      ms: time,
      parameterKinds: describeParameters(parameters),
    });
  }

  /** Schema builds never run (no synchronize); migrations report through the migrate command. */
  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = safeLogText(typeof message === 'string' ? message : (JSON.stringify(message) ?? ''));
    if (level === 'warn') this.sink.warn({ message: text });
    else this.sink.log({ message: text });
  }
}
