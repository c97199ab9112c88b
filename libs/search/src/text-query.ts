/**
 * What the search box holds. Full text takes it as typed, in websearch syntax ("quoted phrases",
 * -exclusions, OR), via websearch_to_tsquery. Typo correction (typo-vocabulary.ts) only looks at
 * the loose words the user wants: not quoted phrases, which ask for exactly that, nor exclusions.
 */
export interface TextQuery {
  websearch: string;
  /** Unquoted wanted words, space separated; empty when there are none. */
  words: string;
  /** Excluded words and phrases as a websearch query ("a" OR "b c"), or null. */
  excluded: string | null;
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

export function parseTextQuery(raw: string): TextQuery {
  const websearch = raw.trim();
  const words: string[] = [];
  const excluded: string[] = [];
  for (const m of websearch.matchAll(TOKEN)) {
    const [, minus, phrase, bare] = m;
    if (phrase !== undefined) {
      const clean = phrase.replace(/[^\p{L}\p{N}\s'-]+/gu, ' ').trim();
      if (!clean) continue;
      if (minus) excluded.push(clean);
    } else if (/^or$/i.test(bare)) {
      continue;
    } else if (bare.startsWith('-') && bare.length > 1) {
      const clean = bare.slice(1).replace(/[^\p{L}\p{N}'-]+/gu, '');
      if (clean) excluded.push(clean);
    } else {
      const clean = bare.replace(/[^\p{L}\p{N}'-]+/gu, '');
      if (clean) words.push(clean);
    }
  }
  return {
    websearch,
    words: words.join(' '),
    excluded: excluded.length > 0 ? excluded.map((e) => `"${e.replace(/"/g, '')}"`).join(' OR ') : null,
  };
}
