// Control characters in text. Postgres refuses NUL in text and jsonb, and the others have no place in
// a title, a name or a search term. Input we answer (API requests, source definitions) is refused
// naming the field; text a feed publishes is cleaned, since a source's typo must not fail its run.

/** C0 controls except tab, line feed and carriage return; DEL; the C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, every occurrence
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** "U+0000": the first control character of a text, for messages (the text itself is not echoed). */
export function describeControlCharacter(text: string): string | null {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return null;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without control characters (tab, line feed and carriage return kept). */
export function stripControlCharacters(text: string): string {
  return CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, '') : text;
}

/**
 * A JSON-like value with control characters removed from every string and key, at any depth; the
 * same object when it has none. Iterative, so a deeply nested value cannot exhaust the stack.
 */
export function withoutControlCharacters<T>(value: T): T {
  if (!hasControlCharacters(value)) return value;
  return clean(value) as T;
}

/** Same walk as controlCharacterPath without building paths: every fetched posting goes through it. */
function hasControlCharacters(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (CONTROL_CHARACTER.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const inner of item) stack.push(inner);
    } else if (item !== null && typeof item === 'object') {
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        if (CONTROL_CHARACTER.test(key)) return true;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/**
 * The dotted path of the first string or key holding a control character ("" for the value itself,
 * "config.employerName"), or null when there is none.
 */
export function controlCharacterPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (CONTROL_CHARACTER.test(item)) return path;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], join(path, String(i))]);
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i];
        if (CONTROL_CHARACTER.test(key)) return path || '(field name)';
        stack.push([inner, join(path, key)]);
      }
    }
  }
  return null;
}

/** Deeper than any posting's fields: what lies below is dropped rather than walked. */
const MAX_CLEAN_DEPTH = 64;

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return stripControlCharacters(value);
  if (depth >= MAX_CLEAN_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((inner) => clean(inner, depth + 1));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [stripControlCharacters(key), clean(inner, depth + 1)]),
    );
  }
  return value;
}
