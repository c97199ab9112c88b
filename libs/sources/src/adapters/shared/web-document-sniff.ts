// What a body really is, judged from its first characters. Servers answer a feed, sitemap or page URL
// with the wrong thing more often than with a status code: a login or "404" page served with 200, a
// JSON error object, an empty body. Parsers name what they got instead of failing somewhere deeper.

const LEADING_NOISE = /^(?:\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;

/** The body after the BOM, whitespace, XML declarations and comments that may precede the root. */
function head(body: string): string {
  return body.slice(0, 4096).replace(LEADING_NOISE, '');
}

export function looksLikeHtml(body: string): boolean {
  return /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head(body));
}

export function looksLikeJson(body: string): boolean {
  return /^[[{]/.test(head(body));
}

/** The name of the root element of an XML body ("rss", "feed", "urlset"), or null. */
export function xmlRootName(body: string): string | null {
  const match = /^<([A-Za-z_][\w.:-]*)/.exec(head(body));
  return match ? match[1] : null;
}

/** NUL bytes do not occur in text documents: the body is binary (an image, a gzip file...). */
export function looksBinary(body: string): boolean {
  return body.slice(0, 4096).includes('\u0000');
}
