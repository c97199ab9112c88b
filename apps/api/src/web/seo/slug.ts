/** Addresses stay short enough to read and share: the id, a hyphen and at most 60 characters. */
const MAX_SLUG_LENGTH = 60;

/**
 * The readable part of a page address: "Remote Medical Coder II (CPC)" -> "remote-medical-coder-ii-cpc".
 * Letters with accents lose them; anything else becomes one hyphen; cut at a word within 60 characters.
 */
export function slugify(...parts: (string | null | undefined)[]): string {
  const words = parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug;
}
