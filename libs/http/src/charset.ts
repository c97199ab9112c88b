import { TextDecoder } from 'node:util';

// Which text encoding a response body is in, and decoding it. The Content-Type header wins; an HTML
// meta tag or XML declaration near the top is the fallback (many job boards only declare it there);
// UTF-8 is the default.

const SNIFF_BYTES = 1024;

/** The charset parameter of a Content-Type value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? '').trim().toLowerCase();
  return label === '' ? null : label;
}

/** A charset declared in the first bytes of an HTML or XML document, or null. */
export function charsetFromDocument(bytes: Uint8Array): string | null {
  // Declarations are ASCII, so latin1 reads them faithfully whatever the real encoding is.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1].trim().toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([a-z0-9_.:-]+)/i.exec(head);
  return meta ? meta[1].trim().toLowerCase() : null;
}

/** A decoder for the label, or null when the runtime does not know it. */
function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Decodes a body to a string. Unknown labels fall back to UTF-8 rather than failing the fetch:
 * a few mangled characters are better than losing the page. Invalid bytes become U+FFFD.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const label = charsetFromContentType(contentType) ?? charsetFromDocument(bytes) ?? 'utf-8';
  const decoder = decoderFor(label) ?? new TextDecoder('utf-8');
  return decoder.decode(bytes);
}
