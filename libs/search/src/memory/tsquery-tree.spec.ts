import { createBitset, forEachBit, setBit } from './bitset';
import { evaluateTsquery, needsRecheck, parseTsquery, type TermSets, type TsNode } from './tsquery-tree';

const t = (lexeme: string, prefix = false): TsNode => ({ kind: 'term', lexeme, prefix });

function parse(text: string): TsNode {
  const node = parseTsquery(text);
  if (!node) throw new Error(`empty: ${text}`);
  return node;
}

describe('parseTsquery', () => {
  it('parses what websearch_to_tsquery prints, with ! above <-> above & above |', () => {
    expect(parse("'risk' <-> 'adjust' & !'hospit'")).toEqual({
      kind: 'and',
      left: { kind: 'phrase', distance: 1, left: t('risk'), right: t('adjust') },
      right: { kind: 'not', child: t('hospit') },
    });
    expect(parse("'inpati' & 'coder'")).toEqual({ kind: 'and', left: t('inpati'), right: t('coder') });
    expect(parse("'denial' & 'specialist' | 'biller'")).toEqual({
      kind: 'or',
      left: { kind: 'and', left: t('denial'), right: t('specialist') },
      right: t('biller'),
    });
    expect(parse("'a' | 'b' & 'c'")).toEqual({
      kind: 'or',
      left: t('a'),
      right: { kind: 'and', left: t('b'), right: t('c') },
    });
    expect(parse("!'a' <-> 'b'")).toEqual({
      kind: 'phrase',
      distance: 1,
      left: { kind: 'not', child: t('a') },
      right: t('b'),
    });
  });

  it('parses parentheses, negated groups and double negation', () => {
    const phrase: TsNode = { kind: 'phrase', distance: 1, left: t('a'), right: t('b') };
    expect(parse("!( 'a' <-> 'b' )")).toEqual({ kind: 'not', child: phrase });
    expect(parse("!!'a'")).toEqual({ kind: 'not', child: { kind: 'not', child: t('a') } });
    expect(parse("'a' <-> ( 'b' | 'c' ) & !'d'")).toEqual({
      kind: 'and',
      left: {
        kind: 'phrase',
        distance: 1,
        left: t('a'),
        right: { kind: 'or', left: t('b'), right: t('c') },
      },
      right: { kind: 'not', child: t('d') },
    });
  });

  it('reads phrase distances and chains them left to right', () => {
    expect(parse("'coder' <3> 'year'")).toEqual({
      kind: 'phrase',
      distance: 3,
      left: t('coder'),
      right: t('year'),
    });
    expect(parse("'a' <0> 'b'")).toMatchObject({ kind: 'phrase', distance: 0 });
    expect(parse("'risk-adjust' <-> 'risk' <-> 'adjust'")).toEqual({
      kind: 'phrase',
      distance: 1,
      left: { kind: 'phrase', distance: 1, left: t('risk-adjust'), right: t('risk') },
      right: t('adjust'),
    });
  });

  it("unescapes '' and backslashes", () => {
    expect(parse("'it''s'")).toEqual(t("it's"));
    expect(parse("'a''b' & 'c'")).toEqual({ kind: 'and', left: t("a'b"), right: t('c') });
    expect(parse("'a\\\\b'")).toEqual(t('a\\b'));
    expect(parse("'a\\'b'")).toEqual(t("a'b"));
  });

  it('reads prefix marks and weights in either order', () => {
    expect(parse("'pre':*")).toEqual(t('pre', true));
    expect(parse("'x':AB")).toEqual({ kind: 'term', lexeme: 'x', prefix: false, weights: 'AB' });
    expect(parse("'pre':*A")).toEqual({ kind: 'term', lexeme: 'pre', prefix: true, weights: 'A' });
    expect(parse("'pre':b*")).toEqual({ kind: 'term', lexeme: 'pre', prefix: true, weights: 'B' });
  });

  it('gives null for an empty query (Postgres prints stop-word-only queries as an empty string)', () => {
    expect(parseTsquery('')).toBeNull();
    expect(parseTsquery('  \n')).toBeNull();
  });

  it.each([
    ["'a' &", /unexpected end at position 5/],
    ["'a' 'b'", /unexpected "'" at position 4/],
    ["'a' <- 'b'", /expected <-> or <N> at position 4/],
    ["( 'a' | 'b'", /expected \) at position 11/],
    ["'a' )", /unexpected "\)" at position 4/],
    ["'abc", /unterminated lexeme at position 4/],
    ["'a':", /expected \* or weights after : at position 4/],
    ["'a':Z", /expected \* or weights after : at position 4/],
    ["''", /empty lexeme at position 1/],
    ['coder', /unexpected "c" at position 0/],
  ])('rejects %s, naming the position', (text, message) => {
    expect(() => parseTsquery(text)).toThrow(message);
  });
});

/** Documents 0..n-1 holding the given lexemes; universe defaults to all of them. */
function termSets(docs: string[][], universeSlots?: number[]): TermSets & { calls: string[] } {
  const universe = createBitset(docs.length);
  for (const slot of universeSlots ?? docs.map((_, i) => i)) setBit(universe, slot);
  const calls: string[] = [];
  return {
    universe,
    calls,
    term(lexeme, prefix) {
      calls.push(prefix ? `${lexeme}:*` : lexeme);
      const set = createBitset(docs.length);
      docs.forEach((lexemes, i) => {
        if (lexemes.some((l) => (prefix ? l.startsWith(lexeme) : l === lexeme))) setBit(set, i);
      });
      return set;
    },
  };
}

function slots(b: Uint32Array): number[] {
  const out: number[] = [];
  forEachBit(b, (i) => out.push(i));
  return out;
}

function run(text: string, sets: TermSets) {
  const { sure, possible } = evaluateTsquery(parse(text), sets);
  return { sure: slots(sure), possible: slots(possible) };
}

describe('evaluateTsquery', () => {
  // 0: risk adjust   1: risk   2: adjust hospit   3: hospit   4: (nothing)
  const docs = [['risk', 'adjust'], ['risk'], ['adjust', 'hospit'], ['hospit'], []];

  it('decides terms, AND, OR and NOT exactly', () => {
    const sets = termSets(docs);
    expect(run("'risk'", sets)).toEqual({ sure: [0, 1], possible: [0, 1] });
    expect(run("'risk' & 'adjust'", sets)).toEqual({ sure: [0], possible: [0] });
    expect(run("'risk' | 'hospit'", sets)).toEqual({ sure: [0, 1, 2, 3], possible: [0, 1, 2, 3] });
    expect(run("!'risk'", sets)).toEqual({ sure: [2, 3, 4], possible: [2, 3, 4] });
    expect(run("'adjust' & !'hospit'", sets)).toEqual({ sure: [0], possible: [0] });
  });

  it('leaves phrases undecided: none sure, the docs with every word possible', () => {
    expect(run("'risk' <-> 'adjust'", termSets(docs))).toEqual({ sure: [], possible: [0] });
    expect(run("'risk' <-> 'adjust' | 'hospit'", termSets(docs))).toEqual({
      sure: [2, 3],
      possible: [0, 2, 3],
    });
  });

  it('keeps docs with the words apart for a negated phrase (NOT swaps the bounds)', () => {
    // Doc 0 has both words: it matches -"risk adjustment" unless they are adjacent, so it is possible.
    expect(run("!( 'risk' <-> 'adjust' )", termSets(docs))).toEqual({
      sure: [1, 2, 3, 4],
      possible: [0, 1, 2, 3, 4],
    });
    expect(run("'risk' & !( 'risk' <-> 'adjust' )", termSets(docs))).toEqual({ sure: [1], possible: [0, 1] });
  });

  it('treats a NOT inside a phrase as positional, possible anywhere', () => {
    // 'risk' <-> !'adjust' matches doc 0 if some risk is not followed by adjust.
    expect(run("'risk' <-> !'adjust'", termSets(docs))).toEqual({ sure: [], possible: [0, 1] });
    expect(run("!'risk' <-> !'adjust'", termSets(docs))).toEqual({ sure: [], possible: [0, 1, 2, 3, 4] });
    expect(run("'risk' <-> ( 'adjust' | !'hospit' )", termSets(docs))).toEqual({
      sure: [],
      possible: [0, 1],
    });
  });

  it('treats a weight-restricted term as possible only (postings carry no weights)', () => {
    expect(run("'risk':A", termSets(docs))).toEqual({ sure: [], possible: [0, 1] });
    expect(run("!'risk':A", termSets(docs))).toEqual({ sure: [2, 3, 4], possible: [0, 1, 2, 3, 4] });
  });

  it('asks for prefix sets as prefixes', () => {
    const sets = termSets([['adjust'], ['adjud'], ['risk']]);
    expect(run("'adju':* & !'adjud'", sets)).toEqual({ sure: [0], possible: [0] });
    expect(sets.calls).toEqual(['adju:*', 'adjud']);
  });

  it('never answers outside the universe, and never mutates the term sets', () => {
    const shared = new Map<string, Uint32Array>();
    const base = termSets(docs, [0, 2, 4]);
    const sets: TermSets = {
      universe: base.universe,
      term: (lexeme, prefix) => {
        const key = `${lexeme}${prefix}`;
        if (!shared.has(key)) shared.set(key, base.term(lexeme, prefix));
        return shared.get(key)!;
      },
    };
    expect(run("'risk'", sets)).toEqual({ sure: [0], possible: [0] });
    expect(run("!'risk'", sets)).toEqual({ sure: [2, 4], possible: [2, 4] });
    expect(run("!( 'risk' <-> 'adjust' ) | 'hospit'", sets)).toEqual({ sure: [2, 4], possible: [0, 2, 4] });
    expect(run("!'x' <-> !'y'", sets)).toEqual({ sure: [], possible: [0, 2, 4] });
    expect(slots(shared.get('riskfalse')!)).toEqual([0, 1]);
    expect(slots(shared.get('hospitfalse')!)).toEqual([2, 3]);
  });

  it('sizes results to the universe even when term sets are shorter or longer', () => {
    const universe = createBitset(100);
    setBit(universe, 1);
    setBit(universe, 70);
    const sets: TermSets = {
      universe,
      term: (lexeme) =>
        lexeme === 'short' ? Uint32Array.of(0b10) : Uint32Array.of(0, 0, 0b1000000, 0xff, 0xff),
    };
    const short = evaluateTsquery(parse("'short'"), sets);
    expect([short.sure.length, short.possible.length]).toEqual([4, 4]);
    expect(slots(short.sure)).toEqual([1]);
    const long = evaluateTsquery(parse("!'long' | 'short' <-> 'long'"), sets);
    expect([long.sure.length, long.possible.length]).toEqual([4, 4]);
    expect(slots(long.sure)).toEqual([1]);
    expect(slots(long.possible)).toEqual([1]);
  });

  it('returns two separate arrays the caller may change', () => {
    const { sure, possible } = evaluateTsquery(parse("'risk'"), termSets(docs));
    expect(sure).not.toBe(possible);
    sure.fill(0);
    expect(slots(possible)).toEqual([0, 1]);
  });
});

describe('needsRecheck', () => {
  it.each([
    ["'inpati' & 'coder'", false],
    ["'denial' & 'specialist' | 'biller'", false],
    ["!'hospit' | 'pre':*", false],
    ["'risk' <-> 'adjust' & !'hospit'", true],
    ["!( 'a' <-> 'b' )", true],
    ["'a' | !( 'b' & 'c' <2> 'd' )", true],
    ["'x':AB", true],
  ])('%s → %s', (text, expected) => {
    expect(needsRecheck(parse(text))).toBe(expected);
  });
});
