// Finds whole-word occurrences of many phrases in one pass over a text's words. Phrases and text are
// cut into the same tokens (runs of letters and digits, and single punctuation marks; hyphens are
// dropped so "same-day" = "same day" and "ICD-10-CM" = "ICD 10 CM"), and phrases are looked up by
// their first token, so the cost grows with the words of the text, not with the number of phrases.
// At each place the longest phrase wins ("surgical pathology" over "surgical"); hits do not overlap.

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
  text: string;
}

export interface PhraseMatcher<T> {
  find(text: string): PhraseHit<T>[];
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface Entry<T> {
  tokens: string[];
  value: T;
}

// A hyphen inside a word joins (dropped); one standing between spaces is a dash (kept: it separates).
const TOKEN = /[A-Za-z0-9]+|(?<=\s|^)-+(?=\s|$)|[^\sA-Za-z0-9-]/g;

// Every extractor reads the same lines: keep the last lines' tokens instead of cutting them again.
const CACHE_SIZE = 2048;
let cache = new Map<string, Token[]>();

export function tokenize(text: string): Token[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const tokens = cutTokens(text);
  if (cache.size >= CACHE_SIZE) cache = new Map();
  cache.set(text, tokens);
  return tokens;
}

function cutTokens(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

function index<T>(phrases: Iterable<[string, T]>, caseless: boolean): Map<string, Entry<T>[]> {
  const byFirst = new Map<string, Entry<T>[]>();
  const seen = new Set<string>();
  for (const [phrase, value] of phrases) {
    const tokens = cutTokens(phrase).map((t) => (caseless ? t.lower : t.text));
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const list = byFirst.get(tokens[0]) ?? [];
    list.push({ tokens, value });
    byFirst.set(tokens[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirst;
}

function longestAt<T>(
  tokens: Token[],
  at: number,
  candidates: Entry<T>[] | undefined,
  caseless: boolean,
): Entry<T> | null {
  if (!candidates) return null;
  for (const entry of candidates) {
    if (at + entry.tokens.length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < entry.tokens.length && ok; k++) {
      const token = tokens[at + k];
      ok = (caseless ? token.lower : token.text) === entry.tokens[k];
    }
    if (ok) return entry;
  }
  return null;
}

/**
 * `insensitive` phrases match in any case; `sensitive` ones only as written. Each maps to a value;
 * a phrase listed twice keeps its first value.
 */
export function createPhraseMatcher<T>(
  insensitive: Iterable<[string, T]>,
  sensitive: Iterable<[string, T]> = [],
): PhraseMatcher<T> {
  const caseless = index(insensitive, true);
  const exact = index(sensitive, false);
  return {
    find(text: string): PhraseHit<T>[] {
      const tokens = tokenize(text);
      const hits: PhraseHit<T>[] = [];
      // Most matchers have only one kind of phrase: no lookup in an empty index.
      const anyCaseless = caseless.size > 0;
      const anyExact = exact.size > 0;
      for (let i = 0; i < tokens.length;) {
        const token = tokens[i];
        const a = anyCaseless ? longestAt(tokens, i, caseless.get(token.lower), true) : null;
        const b = anyExact ? longestAt(tokens, i, exact.get(token.text), false) : null;
        const entry = a && b ? (b.tokens.length > a.tokens.length ? b : a) : (a ?? b);
        if (!entry) {
          i++;
          continue;
        }
        const last = tokens[i + entry.tokens.length - 1];
        hits.push({
          value: entry.value,
          start: tokens[i].start,
          end: last.end,
          text: text.slice(tokens[i].start, last.end),
        });
        i += entry.tokens.length;
      }
      return hits;
    },
  };
}
