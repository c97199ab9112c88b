// Finds whole-word occurrences of many literal phrases in one pass. The pattern is an alternation of
// escaped literals (longest first, so "surgical pathology" beats "surgical"): no nested quantifiers,
// so matching time stays linear in the text.

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
  text: string;
}

export interface PhraseMatcher<T> {
  find(text: string): PhraseHit<T>[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Spaces in a phrase match any run of spaces or a hyphen ("same day" = "same-day"). */
function phraseSource(phrase: string): string {
  return escapeRegExp(phrase).replace(/ /g, '[\\s\\-]+');
}

/**
 * `insensitive` phrases match in any case; `sensitive` ones only as written. Each maps to a value;
 * a phrase listed twice keeps its first value.
 */
export function createPhraseMatcher<T>(
  insensitive: Iterable<[string, T]>,
  sensitive: Iterable<[string, T]> = [],
): PhraseMatcher<T> {
  const lower = new Map<string, T>();
  const exact = new Map<string, T>();
  const lowerPhrases = new Set<string>();
  const exactPhrases = new Set<string>();
  for (const [phrase, value] of insensitive) {
    const key = normalizeKey(phrase.toLowerCase());
    lowerPhrases.add(phrase.toLowerCase());
    if (!lower.has(key)) lower.set(key, value);
  }
  for (const [phrase, value] of sensitive) {
    const key = normalizeKey(phrase);
    exactPhrases.add(phrase);
    if (!exact.has(key)) exact.set(key, value);
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const build = (phrases: string[], flags: string) =>
    phrases.length === 0
      ? null
      : new RegExp(`(?<![A-Za-z0-9])(?:${phrases.sort(byLength).map(phraseSource).join('|')})(?![A-Za-z0-9])`, flags);
  const insensitivePattern = build([...lowerPhrases], 'gi');
  const sensitivePattern = build([...exactPhrases], 'g');

  return {
    find(text: string): PhraseHit<T>[] {
      const hits: PhraseHit<T>[] = [];
      const collect = (pattern: RegExp | null, lookup: (found: string) => T | undefined) => {
        if (!pattern) return;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
          const value = lookup(m[0]);
          if (value !== undefined) hits.push({ value, start: m.index, end: m.index + m[0].length, text: m[0] });
        }
      };
      collect(insensitivePattern, (found) => lower.get(normalizeKey(found.toLowerCase())));
      collect(sensitivePattern, (found) => exact.get(normalizeKey(found)));
      if (insensitivePattern && sensitivePattern) {
        hits.sort((a, b) => a.start - b.start || b.end - a.end);
        return dropOverlaps(hits);
      }
      return hits;
    },
  };
}

/** Spaces and hyphens compare equal, so "same-day surgery" finds the entry "same day surgery". */
function normalizeKey(text: string): string {
  return text.replace(/[\s-]+/g, ' ');
}

/** Keeps the earliest, then longest, of overlapping hits. */
function dropOverlaps<T>(hits: PhraseHit<T>[]): PhraseHit<T>[] {
  const kept: PhraseHit<T>[] = [];
  let end = -1;
  for (const hit of hits) {
    if (hit.start < end) continue;
    kept.push(hit);
    end = hit.end;
  }
  return kept;
}
