// The API's JSON writer: JSON.stringify's output, byte for byte, except that objects whose JSON text
// was written before (`prewritten`: the list views search keeps in its view cache, see
// libs/search/src/memory/view-json.ts) are copied in as that text. Views sit near the top of a
// response (items[i] of a search page, items[i].listing of a match page), so only the first levels
// are walked here; everything below is handed to JSON.stringify whole.

/** How deep views can sit: body, items, an item, its listing. */
const WALK_DEPTH = 3;

/** The JSON text already written for an object, or undefined. */
export type PrewrittenJson = (value: object) => string | undefined;

export function replySerializer(prewritten: PrewrittenJson): (payload: unknown) => string {
  return (payload) => write(payload, WALK_DEPTH, prewritten) ?? 'null';
}

/** JSON text of a value, or undefined where JSON.stringify would leave it out. */
function write(value: unknown, depth: number, prewritten: PrewrittenJson): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const kept = prewritten(value);
  if (kept !== undefined) return kept;
  if (Array.isArray(value)) {
    if (depth === 0) return JSON.stringify(value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += write(value[i], depth - 1, prewritten) ?? 'null';
    }
    return out + ']';
  }
  // Anything but a plain object (dates and others with toJSON, boxed values, class instances), and
  // anything deeper: JSON.stringify itself.
  const proto: unknown = Object.getPrototypeOf(value);
  if (depth === 0 || (proto !== Object.prototype && proto !== null) || 'toJSON' in value) {
    return JSON.stringify(value);
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const text = write((value as Record<string, unknown>)[key], depth - 1, prewritten);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
    first = false;
  }
  return out + '}';
}
