/** Opaque keyset cursor: the sort key and id of the last row on the previous page. */
export interface Cursor {
  /** The sort value (ISO date, number or relevance) as a string. */
  k: string;
  id: string;
}

/** Why search refused a request. */
export type SearchErrorCode = 'INVALID_CURSOR';

export class InvalidCursorError extends Error {
  readonly code: SearchErrorCode = 'INVALID_CURSOR';
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof c?.k !== 'string' || typeof c?.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(c.id))
      throw new Error();
    return c;
  } catch {
    throw new InvalidCursorError('cursor is not valid: pass the nextCursor of a previous page unchanged');
  }
}
