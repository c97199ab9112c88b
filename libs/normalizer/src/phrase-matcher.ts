// Finds whole-word occurrences of many literal phrases in one pass. The pattern is an alternation of
// escaped literals (longest first, so "surgical pathology" beats "surgical"): no nested quantifiers,
// so matching time stays linear in the text. Case-insensitive phrases are matched against the
// lower-cased text with a case-sensitive pattern, which V8 runs several times faster.

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

/**
 * `insensitive` phrases match in any case; `sensitive` ones only as written. Each maps to a value; a
 * phrase listed twice keeps its first value. Spaces in phrases match one space: the extractors read
 * text whose runs of spaces are already collapsed.
 */
export function createPhraseMatcher<T>(
  insensitive: Iterable<[string, T]>,
  sensitive: Iterable<[string, T]> = [],
): PhraseMatcher<T> {
  const lower = new Map<string, T>();
  const exact = new Map<string, T>();
  for (const [phrase, value] of insensitive)
    if (!lower.has(phrase.toLowerCase())) lower.set(phrase.toLowerCase(), value);
  for (const [phrase, value] of sensitive) if (!exact.has(phrase)) exact.set(phrase, value);
  const build = (phrases: string[], flags: string) =>
    phrases.length === 0
      ? null
      : new RegExp(
          `(?<![A-Za-z0-9])(?:${phrases
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|')})(?![A-Za-z0-9])`,
          flags,
        );
  const lowerPattern = build([...lower.keys()], 'g');
  // Used when lower-casing changes the text's length (rare non-ASCII letters), so offsets stay right.
  const insensitivePattern = build([...lower.keys()], 'gi');
  const exactPattern = build([...exact.keys()], 'g');

  const collect = (
    pattern: RegExp | null,
    text: string,
    source: string,
    table: Map<string, T>,
    hits: PhraseHit<T>[],
  ) => {
    if (!pattern) return;
    const caseless = table === lower;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = table.get(caseless ? m[0].toLowerCase() : m[0]);
      if (value !== undefined) {
        hits.push({
          value,
          start: m.index,
          end: m.index + m[0].length,
          text: source.slice(m.index, m.index + m[0].length),
        });
      }
    }
  };

  return {
    find(text: string): PhraseHit<T>[] {
      const hits: PhraseHit<T>[] = [];
      const lowered = text.toLowerCase();
      if (lowered.length === text.length) collect(lowerPattern, lowered, text, lower, hits);
      else collect(insensitivePattern, text, text, lower, hits);
      collect(exactPattern, text, text, exact, hits);
      if (lower.size > 0 && exact.size > 0) {
        hits.sort((a, b) => a.start - b.start || b.end - a.end);
        return dropOverlaps(hits);
      }
      return hits;
    },
  };
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
