/** "CPC", "CPC or CCS", "CPC, CCS or RHIT". */
export function joinWords(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  // A loop rather than slice and join: this runs several times for every listing ranked.
  const last = items.length - 1;
  if (last <= 0) return last === 0 ? (items[0] ?? '') : '';
  let text = items[0] ?? '';
  for (let i = 1; i < last; i++) text += `, ${items[i] ?? ''}`;
  return `${text} ${conjunction} ${items[last]}`;
}

/** "1 year", "3 years". */
export function pluralYears(years: number): string {
  const rounded = Math.round(years * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}
