// Text read out of markup (a link's text, a title element, a feed's <title>) carries the source's
// layout whitespace and, now and then, stray tags. Stored fields hold one clean line.

/** Whitespace collapsed to single spaces and trimmed; null when nothing is left. */
export function cleanText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Like cleanText, with any tags dropped first ("<b>Coder</b> II" -> "Coder II"). */
export function cleanInlineText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  return cleanText(value.replace(/<[^>]*>/g, ' '));
}

/** True when the string holds HTML markup rather than plain text. */
export function containsMarkup(text: string): boolean {
  return /<\/?[a-zA-Z][^>]*>/.test(text);
}

/** Splits a location line that lists several places ("Tulsa, OK; Little Rock, AR" or "A | B"). */
export function splitLocationList(text: string): string[] {
  return text
    .split(/\s*[;|•]\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
