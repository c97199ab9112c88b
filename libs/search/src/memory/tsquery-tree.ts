import { andBits, andInto, notBits, orBits } from './bitset';

/**
 * Postgres tsqueries evaluated over in-memory lexeme postings.
 *
 * Full-text semantics stay Postgres's: Postgres turns the user's text into a tsquery
 * (`websearch_to_tsquery('english', $1)::text`), we parse that text here and evaluate it against the
 * bitsets of listings holding each lexeme (`tsvector_to_array(search_document)`).
 *
 * Lexeme presence decides `&`, `|`, `!` and plain terms exactly, but not phrases (`<->`, `<N>`): the
 * postings hold no positions, so a document with both words may or may not have them adjacent. So each
 * node yields two sets: `sure` (certainly matches) ⊆ `possible` (may match). Two values are needed, not
 * one superset, because of negation: `-"risk adjustment"` is `!( 'risk' <-> 'adjust' )`, and the
 * complement of a superset is a subset, so NOT over "maybe adjacent" would silently drop every listing
 * that has both words apart, which really does match. Instead NOT swaps the bounds: sure = universe −
 * child.possible, possible = universe − child.sure. The caller rechecks `possible − sure` in Postgres.
 *
 * Inside a phrase, Postgres's `!` is positional: `'a' <-> !'b'` means "an a not followed by b", which
 * matches "a b c a" although b is present. So within a phrase a NOT may match anywhere (possible =
 * universe); the phrase's own possible is still bounded by the terms it requires.
 *
 * An empty tsquery (the user typed only stop words, e.g. `the`) prints as '' and parses to null. In
 * Postgres `doc @@ ''::tsquery` is false for every document, even an empty one (it only raises a
 * NOTICE), so callers must treat null as "matches nothing".
 */

export type TsNode =
  /** weights (e.g. 'AB') restrict the term to lexemes of those weights; absent when unrestricted. */
  | { kind: 'term'; lexeme: string; prefix: boolean; weights?: string }
  | { kind: 'and' | 'or'; left: TsNode; right: TsNode }
  | { kind: 'not'; child: TsNode }
  | { kind: 'phrase'; distance: number; left: TsNode; right: TsNode };

/**
 * Parses tsquery text as Postgres prints it (`::text`): quoted lexemes with '' and backslash escapes,
 * optional `:*` (prefix) and weights, `!` binding tightest, then `<->`/`<N>`, then `&`, then `|`,
 * parentheses. All binary operators are left-associative, as in Postgres. Returns null for an empty
 * query (see above: it matches nothing). Throws, naming the position, on anything else.
 */
export function parseTsquery(text: string): TsNode | null {
  let pos = 0;

  function fail(what: string): never {
    throw new Error(`tsquery: ${what} at position ${pos} in ${JSON.stringify(text)}`);
  }
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const peek = (): string => {
    skipSpace();
    return text[pos] ?? '';
  };

  function parseOr(): TsNode {
    let left = parseAnd();
    while (peek() === '|') {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }

  function parseAnd(): TsNode {
    let left = parsePhrase();
    while (peek() === '&') {
      pos++;
      left = { kind: 'and', left, right: parsePhrase() };
    }
    return left;
  }

  function parsePhrase(): TsNode {
    let left = parseUnary();
    while (peek() === '<') {
      const m = /^<(-|\d+)>/.exec(text.slice(pos, pos + 8));
      if (!m) fail('expected <-> or <N>');
      pos += m[0].length;
      const distance = m[1] === '-' ? 1 : Number(m[1]);
      left = { kind: 'phrase', distance, left, right: parseUnary() };
    }
    return left;
  }

  function parseUnary(): TsNode {
    const c = peek();
    if (c === '!') {
      pos++;
      return { kind: 'not', child: parseUnary() };
    }
    if (c === '(') {
      pos++;
      const inner = parseOr();
      if (peek() !== ')') fail('expected )');
      pos++;
      return inner;
    }
    if (c === "'") return parseTerm();
    return fail(c === '' ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
  }

  function parseTerm(): TsNode {
    pos++; // opening quote
    let lexeme = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated lexeme');
      const c = text[pos];
      if (c === '\\') {
        if (pos + 1 >= text.length) fail('unterminated lexeme');
        lexeme += text[pos + 1];
        pos += 2;
      } else if (c === "'") {
        if (text[pos + 1] !== "'") break;
        lexeme += "'";
        pos += 2;
      } else {
        lexeme += c;
        pos++;
      }
    }
    if (lexeme === '') fail('empty lexeme');
    pos++; // closing quote
    let prefix = false;
    let weights = '';
    if (text[pos] === ':') {
      pos++;
      const m = /^[*a-dA-D]+/.exec(text.slice(pos));
      if (!m) fail('expected * or weights after :');
      pos += m[0].length;
      prefix = m[0].includes('*');
      weights = m[0].replace(/\*/g, '').toUpperCase();
    }
    return weights ? { kind: 'term', lexeme, prefix, weights } : { kind: 'term', lexeme, prefix };
  }

  if (peek() === '') return null;
  const tree = parseOr();
  if (peek() !== '') fail(`unexpected ${JSON.stringify(text[pos])}`);
  return tree;
}

export interface TermSets {
  /** The documents a query may match (e.g. open listings); every result is a subset of it. */
  universe: Uint32Array;
  /** Documents holding the lexeme (any lexeme starting with it when prefix). May be shared: never mutated. */
  term(lexeme: string, prefix: boolean): Uint32Array;
}

export interface TsResult {
  /** Certainly match. */
  sure: Uint32Array<ArrayBuffer>;
  /** May match; a superset of sure. evaluateTsquery never returns it as the same array as sure. */
  possible: Uint32Array<ArrayBuffer>;
}

/** Evaluates node to sure ⊆ possible ⊆ universe: fresh arrays of the universe's length, the caller's to mutate. */
export function evaluateTsquery(node: TsNode, sets: TermSets): TsResult {
  const { universe } = sets;
  // Term sets may hold slots outside the universe (e.g. closed listings) or be shorter than it: clip and
  // size every leaf to the universe once, so every set below (and every result) has its length.
  const termSet = (n: { lexeme: string; prefix: boolean }) =>
    andInto(universe.slice(), sets.term(n.lexeme, n.prefix));

  // Within a phrase only an upper bound is known (the phrase's own sure is empty), and NOT is positional.
  function possibleInPhrase(n: TsNode): Uint32Array<ArrayBuffer> {
    switch (n.kind) {
      case 'term':
        return termSet(n);
      case 'not':
        return universe.slice();
      case 'or':
        return orBits(possibleInPhrase(n.left), possibleInPhrase(n.right));
      case 'and':
      case 'phrase':
        return andBits(possibleInPhrase(n.left), possibleInPhrase(n.right));
    }
  }

  // sure and possible may be the same array here; nothing below mutates.
  function evaluate(n: TsNode): TsResult {
    switch (n.kind) {
      case 'term': {
        const set = termSet(n);
        // Postings know no weights: a weight-restricted term is only a "maybe".
        return { sure: n.weights ? new Uint32Array(universe.length) : set, possible: set };
      }
      case 'not': {
        const child = evaluate(n.child);
        const sure = notBits(child.possible, universe);
        return { sure, possible: child.sure === child.possible ? sure : notBits(child.sure, universe) };
      }
      case 'and':
      case 'or': {
        const l = evaluate(n.left);
        const r = evaluate(n.right);
        const op = n.kind === 'and' ? andBits : orBits;
        const sure = op(l.sure, r.sure);
        const exact = l.sure === l.possible && r.sure === r.possible;
        return { sure, possible: exact ? sure : op(l.possible, r.possible) };
      }
      case 'phrase':
        return { sure: new Uint32Array(universe.length), possible: possibleInPhrase(n) };
    }
  }

  const { sure, possible } = evaluate(node);
  return { sure, possible: possible === sure ? sure.slice() : possible };
}

/**
 * Whether evaluateTsquery can leave documents undecided (possible ≠ sure): a phrase anywhere, or a
 * weight-restricted term. When false, sure equals possible and equals Postgres's answer.
 */
export function needsRecheck(node: TsNode): boolean {
  switch (node.kind) {
    case 'term':
      return node.weights !== undefined;
    case 'not':
      return needsRecheck(node.child);
    case 'phrase':
      return true;
    case 'and':
    case 'or':
      return needsRecheck(node.left) || needsRecheck(node.right);
  }
}
