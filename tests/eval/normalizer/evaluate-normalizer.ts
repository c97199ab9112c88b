// Scores the normalizer against the hand-labelled postings in ./postings: precision, recall and F1 per
// field (facts present in the label vs. facts read) and "pay exactly right". Shared by the eval
// script (run-eval.ts) and the jest suite (tests/normalizer/eval-set.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeDocument, type NormalizedListing } from '#normalizer';

export interface ExpectedListing {
  role: string;
  credentials: {
    required: string[];
    anyOf: string[][];
    preferred: string[];
    requiredWithinDays: number | null;
    equivalentAccepted: boolean;
    apprenticeAccepted: boolean;
  };
  specialties: string[];
  codingSystems: string[];
  workMode: string;
  remoteStates: string[] | null;
  remoteExcludedStates: string[];
  remoteCountry: string | null;
  employmentType: string;
  minYearsExperience: number | null;
  /** Scored only in labels that state it (postings that name years only as preferred). */
  preferredYearsExperience?: number | null;
  salary: { min: number | null; max: number | null; period: string; currency: string } | null;
  locations: { city: string | null; state: string | null }[];
  ehrSystems: string[];
  encoderSystems: string[];
  education: string | null;
}

export interface FieldScore {
  field: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PostingResult {
  name: string;
  misses: { field: string; missing: string[]; extra: string[] }[];
  payExact: boolean;
}

export interface EvalReport {
  postings: number;
  fields: FieldScore[];
  payExact: number;
  results: PostingResult[];
}

/** Targets the eval must meet (F1 per field; pay exact as a share of postings). */
export const TARGETS: Record<string, number> = {
  credentials: 0.95,
  workMode: 0.95,
  role: 0.9,
  specialties: 0.9,
  codingSystems: 0.9,
  payExact: 0.9,
};

/** Fields scored but without a target: reported so their weaknesses stay visible. */
const SCORED_FIELDS = [
  'credentials',
  'workMode',
  'remoteStates',
  'role',
  'specialties',
  'codingSystems',
  'employmentType',
  'minYearsExperience',
  'preferredYearsExperience',
  'locations',
  'ehrSystems',
  'encoderSystems',
  'education',
] as const;
type ScoredField = (typeof SCORED_FIELDS)[number];

/** Fields a label may leave out: they are scored only where the label states them. */
const OPTIONAL_FIELDS: ReadonlySet<ScoredField> = new Set(['preferredYearsExperience']);

// Relative dates in the set ("Posted 3 Days Ago") are read against a fixed day.
const EVAL_NOW = new Date('2024-06-15T12:00:00Z');

export function postingsDirectory(): string {
  const candidates = [
    path.join(__dirname, 'postings'),
    path.join(__dirname, '../../../../tests/eval/normalizer/postings'),
    path.join(process.cwd(), 'tests/eval/normalizer/postings'),
  ];
  const found = candidates.find(
    (dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.includes('.posting.')),
  );
  if (!found) throw new Error(`No eval postings found (looked in ${candidates.join(', ')})`);
  return found;
}

function credentialFacts(c: ExpectedListing['credentials'] | NormalizedListing['certifications']): string[] {
  return [
    ...c.required.map((code) => `required:${code}`),
    ...[...new Set(c.anyOf.flat())].map((code) => `anyOf:${code}`),
    ...c.preferred.map((code) => `preferred:${code}`),
    ...(c.requiredWithinDays !== null ? [`within:${c.requiredWithinDays}`] : []),
    ...(c.equivalentAccepted ? ['equivalentAccepted'] : []),
    ...(c.apprenticeAccepted ? ['apprenticeAccepted'] : []),
  ];
}

function remoteFacts(states: string[] | null, excluded: string[], country: string | null): string[] {
  return [
    ...(states ?? []).map((s) => `allow:${s}`),
    ...excluded.map((s) => `exclude:${s}`),
    ...(country ? [`country:${country}`] : []),
  ];
}

function placeFacts(locations: { city: string | null; state: string | null }[]): string[] {
  return locations.map((l) => [l.city, l.state].filter(Boolean).join(', ').toLowerCase());
}

/** A single value is one fact; "unknown" and null are no fact (the posting does not say). */
function single(value: string | number | null): string[] {
  return value === null || value === 'unknown' ? [] : [String(value)];
}

function factsOf(listing: NormalizedListing): Record<ScoredField, string[]> {
  return {
    credentials: credentialFacts(listing.certifications),
    workMode: single(listing.workMode),
    remoteStates: remoteFacts(listing.remoteStates, listing.remoteExcludedStates, listing.remoteCountry),
    role: [listing.role],
    specialties: listing.specialties,
    codingSystems: listing.codingSystems,
    employmentType: single(listing.employmentType),
    minYearsExperience: single(listing.minYearsExperience),
    preferredYearsExperience: single(listing.preferredYearsExperience ?? null),
    locations: placeFacts(listing.locations),
    ehrSystems: listing.ehrSystems,
    encoderSystems: listing.encoderSystems,
    education: single(listing.education),
  };
}

function expectedFacts(expected: ExpectedListing): Record<ScoredField, string[]> {
  return {
    credentials: credentialFacts(expected.credentials),
    workMode: single(expected.workMode),
    remoteStates: remoteFacts(expected.remoteStates, expected.remoteExcludedStates, expected.remoteCountry),
    role: [expected.role],
    specialties: expected.specialties,
    codingSystems: expected.codingSystems,
    employmentType: single(expected.employmentType),
    minYearsExperience: single(expected.minYearsExperience),
    preferredYearsExperience: single(expected.preferredYearsExperience ?? null),
    locations: placeFacts(expected.locations),
    ehrSystems: expected.ehrSystems,
    encoderSystems: expected.encoderSystems,
    education: single(expected.education),
  };
}

function samePay(actual: NormalizedListing['salary'], expected: ExpectedListing['salary']): boolean {
  if (actual === null || expected === null) return actual === expected;
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) < 0.005;
  return (
    close(actual.min, expected.min) &&
    close(actual.max, expected.max) &&
    actual.period === expected.period &&
    actual.currency === expected.currency
  );
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export function evaluateNormalizer(directory = postingsDirectory()): EvalReport {
  const files = fs
    .readdirSync(directory)
    .filter((f) => /\.posting\.(txt|html|json)$/.test(f))
    .sort();
  const counts = new Map<ScoredField, { tp: number; fp: number; fn: number }>(
    SCORED_FIELDS.map((field) => [field, { tp: 0, fp: 0, fn: 0 }]),
  );
  const results: PostingResult[] = [];
  let payExact = 0;
  for (const file of files) {
    const name = file.replace(/\.posting\.\w+$/, '');
    const expected = JSON.parse(
      fs.readFileSync(path.join(directory, `${name}.expected.json`), 'utf8'),
    ) as ExpectedListing;
    const content = fs.readFileSync(path.join(directory, file), 'utf8');
    const listing = normalizeDocument(content, undefined, file, { now: EVAL_NOW });
    const actual = factsOf(listing);
    const wanted = expectedFacts(expected);
    const misses: PostingResult['misses'] = [];
    for (const field of SCORED_FIELDS) {
      if (OPTIONAL_FIELDS.has(field) && !(field in expected)) continue;
      const got = new Set(actual[field]);
      const want = new Set(wanted[field]);
      const count = counts.get(field) as { tp: number; fp: number; fn: number };
      const missing = [...want].filter((f) => !got.has(f));
      const extra = [...got].filter((f) => !want.has(f));
      count.tp += want.size - missing.length;
      count.fn += missing.length;
      count.fp += extra.length;
      if (missing.length + extra.length > 0) misses.push({ field, missing, extra });
    }
    const pay = samePay(listing.salary, expected.salary);
    if (pay) payExact++;
    else {
      const show = (s: unknown) =>
        JSON.stringify(
          s && typeof s === 'object' ? { ...(s as object), annualMin: undefined, annualMax: undefined } : s,
        );
      misses.push({ field: 'salary', missing: [show(expected.salary)], extra: [show(listing.salary)] });
    }
    results.push({ name, misses, payExact: pay });
  }
  const fields = SCORED_FIELDS.map((field): FieldScore => {
    const { tp, fp, fn } = counts.get(field) as { tp: number; fp: number; fn: number };
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { field, tp, fp, fn, precision, recall, f1 };
  });
  return { postings: files.length, fields, payExact: ratio(payExact, files.length), results };
}

/** The targets the report misses, as "field: got < target" lines. */
export function missedTargets(report: EvalReport): string[] {
  const missed: string[] = [];
  for (const [field, target] of Object.entries(TARGETS)) {
    const value =
      field === 'payExact' ? report.payExact : (report.fields.find((f) => f.field === field)?.f1 ?? 0);
    if (value < target) missed.push(`${field}: ${value.toFixed(3)} < ${target}`);
  }
  return missed;
}
