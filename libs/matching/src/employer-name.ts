// Employer names arrive spelled many ways ("HCA Healthcare, Inc.", "hca healthcare"). Exclusions
// and the first-page cap compare a folded form.
const LEGAL_SUFFIXES = /\b(inc|llc|llp|ltd|corp|corporation|co|company|pc|pllc|lp)\b/g;

// Folding costs about a microsecond (four regex passes) and the same few thousand names come back on
// every ranking (exclusions per listing, the first-page cap), so folded names are remembered. Bounded:
// when full the memo starts over rather than tracking use.
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 10_000;

export function foldEmployerName(name: string): string {
  let folded = FOLDED.get(name);
  if (folded === undefined) {
    if (FOLDED.size >= FOLDED_MAX) FOLDED.clear();
    folded = fold(name);
    FOLDED.set(name, folded);
  }
  return folded;
}

function fold(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when the listing's employer is one the candidate left out. An excluded name matches whole
 * leading words, so "HCA" leaves out "HCA Healthcare" but not "HCAP Partners".
 */
export function isEmployerExcluded(employer: string | null, excluded: readonly string[]): string | null {
  if (!employer || excluded.length === 0) return null;
  const folded = foldEmployerName(employer);
  for (const name of excluded) {
    const target = foldEmployerName(name);
    if (target && (folded === target || folded.startsWith(`${target} `))) return name;
  }
  return null;
}
