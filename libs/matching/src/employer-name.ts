// Employer names arrive spelled many ways ("HCA Healthcare, Inc.", "hca healthcare"). Exclusions
// and the first-page cap compare a folded form.
const LEGAL_SUFFIXES = /\b(inc|llc|llp|ltd|corp|corporation|co|company|pc|pllc|lp)\b/g;

export function foldEmployerName(name: string): string {
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
