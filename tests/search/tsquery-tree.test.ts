import { Client } from 'pg';
import { bitsetFromSorted, createBitset, forEachBit, orInto, setBit } from '#search/testing';
import { evaluateTsquery, needsRecheck, parseTsquery, type TermSets } from '#search/testing';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Proves the in-memory evaluation against Postgres itself: for every query, the docs we call sure really
// match, the docs Postgres matches are all in our possible set, and without phrases (or weights) the two
// bounds meet at exactly Postgres's answer.

// [title, body]: stored weighted like the real search document (title A, body C). Words recur in
// different orders and distances so phrases both hit and miss among docs that hold all their words.
const DOCS: [string, string][] = [
  ['Risk Adjustment Coder', 'Remote coder for risk adjustment reviews'],
  ['Coder, Adjustment Risk Team', 'Adjustment of claims; risk of denials is low'],
  ['Inpatient Coder', 'Hospital inpatient coding, DRG assignment'],
  ['Coder Inpatient Unit', 'Work with the inpatient unit as a coder'],
  ['Outpatient Coder', 'Not a hospital role: clinic outpatient coding'],
  ['Denials Specialist', 'Work denials and appeals for a hospital'],
  ['Specialist, Denials and Billing', 'Medical biller and denials specialist hybrid'],
  ['Medical Biller', 'Biller for a physician group, remote'],
  ['Remote Coder - Texas', 'Remote coder in Texas, CPC required'],
  ['Texas Remote Coding Auditor', 'Audit coder work across Texas sites'],
  ['Coder', 'Remote. Risk adjustment experience preferred.'],
  ['Home Health Coder', 'Home health OASIS coding, remote'],
  ['Health Information Coder', 'Coder at home base, health system'],
  ['Profee Coder', 'Professional fee coding for a hospital group'],
  ['Hospital Coder', 'Coder hospital role on site'],
  ['Coding Educator', 'Teach coders; coder of the year award'],
  ['Coder of the Year', 'Our team names a coder of the year'],
  ['HCC Risk Adjustment Auditor', 'Audits HCC risk adjustment charts'],
  ['Adjustment Specialist', 'Payment adjustment specialist, no risk coding'],
  ['Inpatient Coding Auditor', 'Audit inpatient coder charts, CCS preferred'],
  ['Emergency Department Coder', 'ED facility coding, remote in Texas'],
  ['Surgery Coder', 'Surgical coder, CPC or CCS'],
  ['Risk-Adjustment Coding Lead', 'Lead the risk-adjustment coding team'],
  ['Coding Manager', 'Manage coders; hospital experience'],
  ['Billing Specialist', 'Not a coder role: billing specialist for denials'],
  ['Charge Entry', 'Charge entry and payment posting'],
  ['Clinical Documentation Specialist', 'CDI specialist, inpatient hospital'],
  ['Radiology Coder', 'Remote radiology coder, Texas licence not needed'],
  ['Coder II', 'Coder II for inpatient and outpatient'],
  ['The', 'And of the a'],
  ['Cardiology Coder', 'Hospital based cardiology coder'],
  ['Anesthesia Coder', 'Anesthesia coding, remote, CPC'],
  ['Medical Coder Trainee', "It's an entry level coder role"],
  ['Risk Coder', 'Risk coder adjustment team'],
  ['Coder Remote', 'Coder, remote, not Texas'],
  ['Denial Management', 'Denials management for inpatient claims'],
  ['Pediatric Coder', 'Children hospital coder'],
  ['Hospital Role', 'A hospital role for an inpatient coder'],
  ['Quality Auditor', 'Coding quality audit across hospital sites'],
  ['Telehealth Coder', 'Remote telehealth coder; home health also'],
];

// Listings outside the universe (closed): their postings stay, but no answer may include them.
const CLOSED = new Set([3, 8, 17, 26]);

const WEBSEARCH = [
  'risk adjustment',
  '"risk adjustment"',
  '"risk adjustment" -hospital',
  '-"risk adjustment"',
  'coder -"risk adjustment"',
  '"adjustment risk"',
  'risk-adjustment',
  'inpatient coder',
  '"inpatient coder"',
  '-"inpatient coder" coder',
  'denials specialist or biller',
  '"denials specialist"',
  'coder -remote',
  'remote coder texas',
  '"remote coder" texas',
  '"not a hospital role"',
  'hospital -"hospital role"',
  '"coder of the year"',
  '"home health" or profee -inpatient',
  '-"home health" -remote',
  'CPC or CCS',
  '-coder',
  'coders hospitals',
  'zzyzx',
  'coder or zzyzx',
  '"hospital coder" or "coder hospital"',
];

// Raw tsqueries websearch never produces but parseTsquery accepts: positional NOT, prefixes, weights.
const RAW = [
  "'risk' <-> !'adjust'",
  "!'inpati' <-> !'coder'",
  "'coder' <-> ( 'risk' & !'adjust' )",
  "( 'risk' | 'inpati' ) <-> 'coder'",
  "!( 'risk' <2> 'adjust' ) & 'coder'",
  "'adjust':* & !'coder'",
  "'cod':*",
  "'coder':A",
  "'hospit':A | 'denial':*C",
  "!'coder':A & 'remot'",
];

const STOP_WORDS_ONLY = ['the', 'a or the', '"the"', '-the', "it's"];

let db: TestDatabase;
let client: Client;
let universe: Uint32Array;
let sets: TermSets;

beforeAll(async () => {
  db = await createTestDatabase();
  // One connection for the whole file: the table is temporary, visible to this session only.
  client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query('CREATE TEMP TABLE docs (slot int PRIMARY KEY, doc tsvector NOT NULL)');
  await client.query(
    `INSERT INTO docs (slot, doc)
       SELECT d.slot - 1,
              setweight(to_tsvector('english', d.title), 'A') || setweight(to_tsvector('english', d.body), 'C')
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(title, body, slot)`,
    [DOCS.map((d) => d[0]), DOCS.map((d) => d[1])],
  );

  // Postings as the index builds them: per lexeme, the ascending slots whose vector holds it.
  const { rows } = await client.query<{ lexeme: string; slots: number[] }>(
    `SELECT lexeme, array_agg(slot ORDER BY slot) AS slots
       FROM docs, unnest(tsvector_to_array(doc)) AS lexeme
      GROUP BY lexeme`,
  );
  const postings = new Map(
    rows.map((r) => [r.lexeme, bitsetFromSorted(r.slots, r.slots.length, DOCS.length)]),
  );
  universe = createBitset(DOCS.length);
  DOCS.forEach((_, slot) => CLOSED.has(slot) || setBit(universe, slot));
  const empty = createBitset(DOCS.length);
  sets = {
    universe,
    term(lexeme, prefix) {
      if (!prefix) return postings.get(lexeme) ?? empty;
      const out = createBitset(DOCS.length);
      for (const [l, set] of postings) if (l.startsWith(lexeme)) orInto(out, set);
      return out;
    },
  };
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

function slots(b: Uint32Array): number[] {
  const out: number[] = [];
  forEachBit(b, (i) => out.push(i));
  return out;
}

/** Postgres's tsquery text for the query, and the open docs it matches. */
async function postgres(tsquerySql: string, param: string): Promise<{ text: string; actual: number[] }> {
  const text = await client.query<{ q: string }>(`SELECT (${tsquerySql})::text AS q`, [param]);
  const matched = await client.query<{ slot: number }>(
    `SELECT slot FROM docs WHERE doc @@ (${tsquerySql}) ORDER BY slot`,
    [param],
  );
  return { text: text.rows[0].q, actual: matched.rows.map((r) => r.slot).filter((s) => !CLOSED.has(s)) };
}

async function check(tsquerySql: string, param: string) {
  const { text, actual } = await postgres(tsquerySql, param);
  const node = parseTsquery(text);
  expect(node).not.toBeNull();
  const result = evaluateTsquery(node!, sets);
  const sure = slots(result.sure);
  const possible = slots(result.possible);
  const open = slots(universe);
  const context = { param, text, sure, actual, possible };

  expect({ ...context, outsideUniverse: possible.filter((s) => !open.includes(s)) }).toMatchObject({
    outsideUniverse: [],
  });
  expect({ ...context, sureNotMatched: sure.filter((s) => !actual.includes(s)) }).toMatchObject({
    sureNotMatched: [],
  });
  expect({ ...context, matchedNotPossible: actual.filter((s) => !possible.includes(s)) }).toMatchObject({
    matchedNotPossible: [],
  });
  // Without phrases or weights both bounds are Postgres's answer.
  if (!needsRecheck(node!))
    expect({ param, text, sure, possible }).toEqual({ param, text, sure: actual, possible: actual });
  return { text, sure, actual, possible };
}

describe('evaluateTsquery against Postgres', () => {
  it.each(WEBSEARCH)('websearch %j: sure ⊆ Postgres ⊆ possible, exact without phrases', async (q) => {
    await check(`websearch_to_tsquery('english', $1)`, q);
  });

  it.each(RAW)('raw tsquery %j: sure ⊆ Postgres ⊆ possible', async (q) => {
    await check('$1::tsquery', q);
  });

  it('leaves real work to the recheck: phrases and negated phrases with the words apart', async () => {
    const phrase = await check(`websearch_to_tsquery('english', $1)`, '"risk adjustment"');
    expect(phrase.text).toBe("'risk' <-> 'adjust'");
    expect(phrase.actual.length).toBeGreaterThan(0);
    // Doc 1 ("Coder, Adjustment Risk Team") has both words but not as a phrase.
    expect(phrase.possible).toContain(1);
    expect(phrase.actual).not.toContain(1);

    // Negated, doc 1 matches in Postgres: a NOT over "maybe" must keep it possible, not drop it.
    const negated = await check(`websearch_to_tsquery('english', $1)`, '-"risk adjustment"');
    expect(negated.text).toBe("!( 'risk' <-> 'adjust' )");
    expect(negated.actual).toContain(1);
    expect(negated.sure).not.toContain(1);
    expect(negated.possible).toContain(1);

    // A positional NOT inside a phrase matches docs holding the negated word elsewhere (1, 33), but not
    // doc 0, where every 'risk' is followed by 'adjust'.
    const positional = await check('$1::tsquery', "'risk' <-> !'adjust'");
    expect(positional.actual).toEqual(expect.arrayContaining([1, 33]));
    expect(positional.actual).not.toContain(0);
    expect(positional.possible).toContain(0);
  });

  it('matches nothing for an empty tsquery (stop words only), not even the empty document', async () => {
    // Doc 29 is all stop words: its vector is empty.
    const emptyDoc = await client.query<{ n: number }>('SELECT length(doc) AS n FROM docs WHERE slot = 29');
    expect(emptyDoc.rows[0].n).toBe(0);
    for (const q of STOP_WORDS_ONLY) {
      const res = await client.query<{ text: string; nodes: number; matched: number; unmatched: number }>(
        `SELECT q::text AS text, numnode(q) AS nodes,
                count(*) FILTER (WHERE doc @@ q)::int AS matched,
                count(*) FILTER (WHERE NOT (doc @@ q))::int AS unmatched
           FROM docs, websearch_to_tsquery('english', $1) AS q
          GROUP BY q`,
        [q],
      );
      expect({ q, ...res.rows[0] }).toEqual({ q, text: '', nodes: 0, matched: 0, unmatched: DOCS.length });
      expect(parseTsquery(res.rows[0].text)).toBeNull();
    }
  });
});
