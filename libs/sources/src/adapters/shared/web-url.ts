// Links on web pages, feeds and sitemaps are often relative ("/careers/jobs/123") or carry junk
// (whitespace, "javascript:void(0)"). Postings only keep absolute http(s) URLs.

/** The absolute http(s) URL of `href` read against `base`, or null when it is not a usable link. */
export function resolveUrl(href: string | null | undefined, base?: string | null): string | null {
  const text = href?.trim();
  if (!text) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The URL without its #fragment, so "page#apply" and "page" name the same document. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
