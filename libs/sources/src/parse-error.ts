/**
 * Thrown by an adapter's parse step when a whole document is unusable: malformed JSON or XML, a
 * truncated body, an HTML error page served with 200, a shape that is not the source's documented
 * one. The ingestion run records it as the source's error and closes nothing.
 * A single bad posting inside a good document is not an error: it goes to ParseResult.skipped.
 */
export class ParseError extends Error {
  readonly code = 'PARSE_ERROR';
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(`${kind}: ${message}`);
    this.name = 'ParseError';
  }
}

/** Parses JSON or throws a ParseError that says what was wrong, including HTML served as JSON. */
export function parseJsonDocument(kind: string, body: string): unknown {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('<')) {
    throw new ParseError(kind, 'expected JSON but the response is HTML or XML (an error page?)');
  }
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new ParseError(kind, `malformed JSON: ${(err as Error).message}`);
  }
}
