/**
 * A link target from outside (a source's apply URL): only http and https pass, so a feed cannot put a
 * javascript: or data: URL behind a button. Anything else is null and no link is drawn.
 */
export function safeHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
