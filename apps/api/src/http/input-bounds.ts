import { describeControlCharacter } from '#ingestion';
import type { ErrorDetail } from './api-error';

// Checks every request's path parameters, query and body before any route sees them, so a field
// added tomorrow is covered too: control characters are refused naming the field (Postgres cannot
// store NUL, and none belongs in a name or a search term; tab and line breaks are text), and no list
// or nesting is unbounded whatever a route's own schema says. Routes bound their lists tighter.

/** Deepest nesting a body may have; the deepest real body (a match request) has 4 levels. */
export const MAX_INPUT_DEPTH = 32;
/** Longest list anywhere in a request; route schemas set smaller bounds per field. */
export const MAX_INPUT_LIST = 1000;

export type RequestPlace = 'params' | 'query' | 'body';

/**
 * The first problem in one part of a request, with the field's dotted path ("body.roles.3"), or null.
 * Iterative, so a hostile nesting cannot exhaust the stack.
 */
export function inputProblem(value: unknown, place: RequestPlace): ErrorDetail | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: place, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, path, depth } = stack.pop()!;
    if (typeof item === 'string') {
      const control = describeControlCharacter(item);
      if (control) return { field: path, message: `contains a control character (${control})` };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return { field: path, message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    }
    if (Array.isArray(item)) {
      if (item.length > MAX_INPUT_LIST) {
        return { field: path, message: `lists more than ${MAX_INPUT_LIST} entries` };
      }
      // Pushed in reverse so the first offending entry is the one named.
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push({ value: item[i], path: `${path}.${i}`, depth: depth + 1 });
      }
      continue;
    }
    const entries = Object.entries(item);
    if (entries.length > MAX_INPUT_LIST) {
      return { field: path, message: `has more than ${MAX_INPUT_LIST} fields` };
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i];
      const control = describeControlCharacter(key);
      if (control) return { field: path, message: `has a field name with a control character (${control})` };
      stack.push({ value: inner, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}
