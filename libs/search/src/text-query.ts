/**
 * What the search box holds, read two ways. Full text takes it as typed, in websearch syntax
 * ("quoted phrases", -exclusions, OR), via websearch_to_tsquery. Typo tolerance compares only the
 * words the user wants (no quotes, exclusions or OR) by trigram similarity with titles and employer
 * names; exclusions still apply to those matches.
 */
export interface TextQuery {
  websearch: string;
  /** Positive words, space separated; empty when the query only excludes. */
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
      (minus ? excluded : words).push(clean);
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
