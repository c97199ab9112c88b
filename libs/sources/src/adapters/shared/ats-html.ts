// Greenhouse sends job content as escaped HTML ("&lt;p&gt;Requires CPC&lt;/p&gt;"). One level of
// unescaping gives the HTML back. Only the entities that escaping produces are decoded: any other
// named entity ("&rsquo;") is already valid HTML and is left for the HTML reader downstream.

const ESCAPE_ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Undoes one level of HTML escaping in a single pass, so "&amp;lt;" becomes "&lt;", not "<". */
export function unescapeHtml(text: string): string {
  return text.replace(ESCAPE_ENTITY, (whole, name: string | undefined, dec?: string, hex?: string) => {
    if (name) return NAMED[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return isValidCodePoint(code) ? String.fromCodePoint(code) : whole;
  });
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
