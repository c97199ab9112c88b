import { createHash } from 'node:crypto';
import { safeLogText } from '#observability';

// What may be said about a failed statement: its name, the error Postgres gave and where it points
// (constraint, table, column), never the statement's parameters nor the error's DETAIL (Postgres
// puts the failing row there: "Failing row contains (...)", a posting body with its e-mail addresses).

/** "INSERT listings #1f2e3d4c": the verb, the table, and a hash telling statements apart. */
export function statementName(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = /^(?:WITH\b.*?\)\s*)?(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE|COPY)\b/i.exec(
    text,
  )?.[1];
  const table =
    /\b(?:INSERT INTO|UPDATE|DELETE FROM|FROM|TABLE|INTO)\s+("?[\w.]+"?)/i
      .exec(text)?.[1]
      ?.replace(/"/g, '') ?? null;
  const hash = createHash('sha1').update(sql).digest('hex').slice(0, 8);
  return [verb?.toUpperCase() ?? text.split(' ')[0]?.slice(0, 20).toUpperCase() ?? 'SQL', table, `#${hash}`]
    .filter(Boolean)
    .join(' ');
}

/** Parameters by kind and size only, e.g. ["string(1548000)", "number", "null"]. */
export function describeParameters(parameters: unknown): string[] {
  const list = Array.isArray(parameters) ? parameters : parameters ? Object.values(parameters) : [];
  return list.slice(0, 50).map((p) => {
    if (p === null || p === undefined) return 'null';
    if (typeof p === 'string') return `string(${p.length})`;
    if (Buffer.isBuffer(p)) return `bytes(${p.length})`;
    if (Array.isArray(p)) return `array(${p.length})`;
    if (p instanceof Date) return 'date';
    return typeof p;
  });
}

export interface DatabaseErrorFields {
  statement: string | null;
  /** The SQLSTATE, e.g. 23514 for a check constraint. */
  sqlState: string | null;
  /** The error's message, addresses masked and cut short. */
  error: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** The loggable facts of a driver error (a TypeORM QueryFailedError or a pg error). */
export function databaseErrorFields(err: unknown, query?: string): DatabaseErrorFields {
  const e = (err ?? {}) as {
    message?: unknown;
    code?: unknown;
    query?: unknown;
    driverError?: Record<string, unknown>;
  };
  const driver = e.driverError ?? (e as Record<string, unknown>);
  const sql = query ?? (typeof e.query === 'string' ? e.query : undefined);
  const pick = (key: string) => (typeof driver[key] === 'string' ? { [key]: driver[key] as string } : {});
  return {
    statement: sql ? statementName(sql) : null,
    sqlState: typeof driver.code === 'string' ? driver.code : typeof e.code === 'string' ? e.code : null,
    error: safeLogText(typeof e.message === 'string' ? e.message : String(err), 300),
    ...pick('constraint'),
    ...pick('table'),
    ...pick('column'),
  };
}

/** Whether an error came from the database (so databaseErrorFields describes it). */
export function isDatabaseError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'QueryFailedError') return true;
  // pg's DatabaseError: a five-character SQLSTATE and a severity.
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in err;
}
