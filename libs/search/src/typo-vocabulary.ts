import type { Queryable } from '#persistence';

// Typo tolerance for the search box, as query correction: when the words as typed find little, each
// word that appears in no open listing's title or employer name is replaced by the closest word that
// does ("medcal codr" -> "medical coder", "optim" -> "optum"), and the corrected query runs through
// the same full-text index.
//
// Why not pg_trgm's word similarity on the rows themselves: titles and employer names repeat, so the
// trigram index hands back tens of thousands of rows for a misspelt common word ("medcal codr" meant
// 64,000 index hits and 110 ms at 250,000 open listings, and seconds when OR-ed into the text query).
// The distinct words are a few thousand; comparing against them costs well under a millisecond.
//
// Closeness is Damerau-Levenshtein distance (one slip, swap, missing or extra letter; two for long
// words), over candidates that share a trigram with the word, the most frequent word winning a tie.

const WORD = /[\p{L}\p{N}]+/gu;
const MIN_LENGTH = 4;

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

export const allowedEdits = (word: string) => (word.length >= 8 ? 2 : 1);

/** Words of open listings' titles and employer names, with how many listings use them. */
export async function loadVocabularySource(db: Queryable): Promise<Map<string, number>> {
  const rows: { text: string; n: number }[] = await db.query(
    `SELECT concat_ws(' ', l.title, l.employer_name) AS text, count(*)::int AS n
       FROM listings l WHERE l.status = 'open' GROUP BY l.title, l.employer_name`,
  );
  const counts = new Map<string, number>();
  for (const { text, n } of rows) {
    for (const w of new Set(text.toLowerCase().match(WORD) ?? [])) counts.set(w, (counts.get(w) ?? 0) + n);
  }
  return counts;
}

export class TypoVocabulary {
  private counts = new Map<string, number>();
  private byTrigram = new Map<string, string[]>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly source: () => Promise<Map<string, number>>,
    /** How long a loaded vocabulary serves before the next use reloads it. */
    private readonly maxAgeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Replaces the vocabulary (also used by tests). */
  set(counts: Map<string, number>): void {
    this.counts = counts;
    this.byTrigram = new Map();
    for (const word of counts.keys()) {
      if (word.length < MIN_LENGTH - 1) continue;
      for (const t of trigrams(word)) {
        const list = this.byTrigram.get(t);
        if (list) list.push(word);
        else this.byTrigram.set(t, [word]);
      }
    }
    this.loadedAt = this.now();
  }

  private async fresh(): Promise<void> {
    if (this.now() - this.loadedAt < this.maxAgeMs) return;
    this.loading ??= this.source()
      .then((counts) => this.set(counts))
      .finally(() => (this.loading = null));
    await this.loading;
  }

  /** The closest known word, or null when the word is known, too short, or nothing is close. */
  private closest(word: string): string | null {
    if (word.length < MIN_LENGTH || this.counts.has(word) || /^\d+$/.test(word)) return null;
    const max = allowedEdits(word);
    const seen = new Set<string>();
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestCount = 0;
    for (const t of trigrams(word)) {
      for (const candidate of this.byTrigram.get(t) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const d = editDistance(word, candidate, max);
        const count = this.counts.get(candidate) ?? 0;
        if (d < bestDistance || (d === bestDistance && d <= max && count > bestCount)) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    return bestDistance <= max ? best : null;
  }

  /**
   * The query with misspelt words replaced, or null when nothing needed correcting. Quoted phrases
   * and excluded words are left as typed: the user asked for exactly those.
   */
  async correct(websearch: string): Promise<string | null> {
    await this.fresh();
    let changed = false;
    // Tokens: quoted phrases (kept), exclusions (kept), OR (kept), and bare words (checked).
    const corrected = websearch.replace(/-?"[^"]*"?|\S+/g, (token) => {
      if (token.startsWith('"') || token.startsWith('-') || /^or$/i.test(token)) return token;
      return token.replace(WORD, (w) => {
        const fix = this.closest(w.toLowerCase());
        if (!fix) return w;
        changed = true;
        return fix;
      });
    });
    return changed ? corrected : null;
  }
}
