// Greenhouse sends job content as escaped HTML ("&lt;p&gt;Requires CPC&lt;/p&gt;"). One level of
// unescaping gives the HTML back. Only the entities that escaping produces are decoded: any other
// named entity ("&rsquo;") is already valid HTML and is left for the HTML reader downstream.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Undoes one level of HTML escaping in a single pass, so "&amp;lt;" becomes "&lt;", not "<". Decodes
 * exactly what /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g would, scanning from
 * one "&" to the next: a regular expression with a replacer function cost about 20 us per posting.
 */
export function unescapeHtml(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  const parts: string[] = [];
  let copied = 0;
  while (amp >= 0) {
    const decoded = entityAt(text, amp);
    if (decoded) {
      parts.push(text.slice(copied, amp), decoded.text);
      copied = amp + decoded.length;
      amp = text.indexOf('&', copied);
    } else {
      amp = text.indexOf('&', amp + 1);
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The escape starting at `at` (an "&"): its decoded text and its length, or null when there is none. */
function entityAt(text: string, at: number): { text: string; length: number } | null {
  const semi = text.indexOf(';', at + 1);
  // The longest escape is "&#x" and six hex digits, then ";".
  if (semi < 0 || semi - at > 10) return null;
  const body = text.slice(at + 1, semi);
  const named = Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
  if (named !== undefined) return { text: named, length: semi - at + 1 };
  let code: number;
  if (/^#\d{1,7}$/.test(body)) code = Number(body.slice(1));
  else if (/^#[xX][0-9a-fA-F]{1,6}$/.test(body)) code = parseInt(body.slice(2), 16);
  else return null;
  if (!isValidCodePoint(code)) return null;
  return { text: String.fromCodePoint(code), length: semi - at + 1 };
}

/** True when a string holds escaped markup and no raw tags, i.e. it needs unescapeHtml. */
export function looksEscapedHtml(text: string): boolean {
  return /&lt;\/?[a-zA-Z][^&]*?&gt;/.test(text) && !/<\/?[a-zA-Z][^>]*>/.test(text);
}

function isValidCodePoint(code: number): boolean {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

/** Escapes plain text (a section heading) for insertion into HTML. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
