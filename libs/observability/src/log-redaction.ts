// What may appear in a log line. Logs are copied to places with weaker access rules than the
// database, so a line never carries a posting body, a full e-mail address or a statement's
// parameters, and never grows past a few KB (one failed batch insert once logged 1.5 MB holding
// hundreds of addresses from posting text). Pure, so the rules are tested on their own; the logger
// (json-logger.ts) applies them to every line.

/** The longest line written, in characters (JSON lines stay valid: see json-logger.ts). */
export const MAX_LOG_LINE = 4096;
/** The longest single string value kept in a line. */
export const MAX_LOG_FIELD = 1000;

/** Fields holding bodies or bound values: never logged, only their size. */
const WITHHELD_KEYS = new Set([
  'body',
  'rawbody',
  'description',
  'descriptionhtml',
  'descriptiontext',
  'descriptionplain',
  'html',
  'content',
  'parameters',
  'detail',
]);

const MAX_DEPTH = 4;
const MAX_ITEMS = 20;
const MAX_KEYS = 40;

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** "maria.lopez@example.org" -> "m***@example.org": addresses never reach logs in full. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Every e-mail address in a text, masked. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, '$1***@$2');
}

/** The text cut to `max` characters, with a marker saying how much was cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}... [${text.length - max} more characters cut]`;
}

/** A string as a log line may hold it: addresses masked, then cut to `max`. */
export function safeLogText(text: string, max = MAX_LOG_FIELD): string {
  return truncateText(maskEmails(text), max);
}

/**
 * A copy of any value fit for a log line: strings masked and cut, bodies and parameters replaced by
 * their size, depth, arrays and keys bounded. An Error stays an Error (loggers treat it specially)
 * with only its name, code, message and stack, made safe: drivers hang the failed statement and its
 * parameters on their errors.
 */
export function sanitizeLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return safeLogText(value);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return value;
  if (value instanceof Date) return value;
  if (value instanceof Error) return safeError(value);
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[list of ${value.length}]` : '[object]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((item) => sanitizeLogValue(item, depth + 1));
    if (value.length > MAX_ITEMS) kept.push(`[${value.length - MAX_ITEMS} more items]`);
    return kept;
  }
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries.slice(0, MAX_KEYS)) {
    out[key] = WITHHELD_KEYS.has(key.toLowerCase()) ? withheld(item) : sanitizeLogValue(item, depth + 1);
  }
  if (entries.length > MAX_KEYS) out['[more keys]'] = entries.length - MAX_KEYS;
  return out;
}

function withheld(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `[${value.length} characters not logged]`;
  if (Array.isArray(value)) return `[${value.length} values not logged]`;
  return '[not logged]';
}

function safeError(err: Error): Error {
  const copy = new Error(safeLogText(err.message));
  copy.name = err.name;
  copy.stack = err.stack === undefined ? undefined : safeLogText(err.stack, 2 * MAX_LOG_FIELD);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
}
