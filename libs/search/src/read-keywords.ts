import {
  CODING_SYSTEM_TERMS,
  CREDENTIAL_INFO,
  CREDENTIALS,
  SPECIALTY_TERMS,
  STATE_NAMES,
  US_STATES,
  type CodingSystem,
  type Credential,
  type EmploymentType,
  type Role,
  type Specialty,
  type UsState,
  type WorkMode,
} from '#taxonomy';

// Reads the words of a search box as filters: "CPC remote inpatient Texas" is credential CPC, remote
// work, inpatient, open to Texas residents. Only whole phrases of the vocabulary are read; anything
// else stays full text, and so do quoted phrases, -exclusions and OR, which ask for text on purpose.

/** One phrase read as a filter value, in the order typed. */
export interface KeywordReading {
  phrase: string;
  field: KeywordField;
  values: string[];
}

export type KeywordField =
  | 'credential'
  | 'workMode'
  | 'specialty'
  | 'role'
  | 'employmentType'
  | 'codingSystem'
  | 'state'
  | 'remoteEligibleFor'
  | 'near'
  | 'minPay';

/** Filters in the API's query-parameter names, plus what is left for full text. */
export interface KeywordFilters {
  /** What is left for full text, in websearch syntax; '' when every word was read as a filter. */
  text: string;
  credential: Credential[];
  workMode: WorkMode[];
  specialty: Specialty[];
  role: Role[];
  employmentType: EmploymentType[];
  codingSystem: CodingSystem[];
  /** Listings located in these states (a state named without "remote"). */
  state: UsState[];
  /** Remote listings open to residents of this state (a state named with "remote"). */
  remoteEligibleFor?: UsState;
  /** A 5-digit ZIP code. */
  near?: string;
  /** Annual USD: "$50k", "50,000+", "$25/hr" (annualised at 2,080 hours). */
  minPay?: number;
  readings: KeywordReading[];
}

type Entry =
  | { field: 'credential'; values: Credential[] }
  | { field: 'workMode'; values: WorkMode[] }
  | { field: 'specialty'; values: Specialty[] }
  | { field: 'role'; values: Role[] }
  | { field: 'employmentType'; values: EmploymentType[] }
  | { field: 'codingSystem'; values: CodingSystem[] }
  | { field: 'state'; values: UsState[] }
  | { field: 'filler'; values: [] };

const HOURS_PER_YEAR = 2080;
const LONGEST_PHRASE = 6;

const WORK_MODE_PHRASES: Record<string, WorkMode> = {
  remote: 'remote',
  'fully remote': 'remote',
  '100% remote': 'remote',
  'work from home': 'remote',
  'work at home': 'remote',
  wfh: 'remote',
  telecommute: 'remote',
  telework: 'remote',
  'remote only': 'remote',
  hybrid: 'hybrid',
  onsite: 'onsite',
  'on-site': 'onsite',
  'on site': 'onsite',
  'in office': 'onsite',
  'in-office': 'onsite',
  'in person': 'onsite',
};

const EMPLOYMENT_PHRASES: Record<string, EmploymentType> = {
  'full time': 'full_time',
  'full-time': 'full_time',
  fulltime: 'full_time',
  'part time': 'part_time',
  'part-time': 'part_time',
  parttime: 'part_time',
  contract: 'contract',
  contractor: 'contract',
  'contract to hire': 'contract',
  'per diem': 'per_diem',
  'per-diem': 'per_diem',
  prn: 'per_diem',
  temporary: 'temporary',
  temp: 'temporary',
  seasonal: 'temporary',
};

// Roles: a coder search also wants coder-and-biller roles, and a biller search too.
const CODING: Role[] = ['coder', 'coder_biller'];
const BILLING: Role[] = ['biller', 'coder_biller'];
const ROLE_PHRASES: Record<string, Role[]> = {
  coder: CODING,
  coders: CODING,
  coding: CODING,
  'medical coder': CODING,
  'medical coders': CODING,
  'medical coding': CODING,
  biller: BILLING,
  billers: BILLING,
  billing: BILLING,
  'medical biller': BILLING,
  'medical billers': BILLING,
  'medical billing': BILLING,
  'coder biller': ['coder_biller'],
  'coder/biller': ['coder_biller'],
  'coding and billing': ['coder', 'biller', 'coder_biller'],
  'billing and coding': ['coder', 'biller', 'coder_biller'],
  auditor: ['auditor'],
  auditors: ['auditor'],
  'coding auditor': ['auditor'],
  'coding audit': ['auditor'],
  cdi: ['cdi'],
  cdis: ['cdi'],
  'clinical documentation': ['cdi'],
  'clinical documentation integrity': ['cdi'],
  'clinical documentation improvement': ['cdi'],
  denials: ['ar_denials'],
  'denial management': ['ar_denials'],
  'accounts receivable': ['ar_denials'],
  'ar follow up': ['ar_denials'],
  'ar follow-up': ['ar_denials'],
  'a/r': ['ar_denials'],
  collections: ['ar_denials'],
  'revenue cycle': ['ar_denials'],
  educator: ['educator'],
  'coding educator': ['educator'],
  him: ['him_other'],
};

/** Words that only carry a search ("jobs in Texas"): dropped once something else was read. */
const FILLERS = [
  'job',
  'jobs',
  'position',
  'positions',
  'opening',
  'openings',
  'role',
  'roles',
  'work',
  'in',
  'near',
  'for',
  'and',
  'with',
  'a',
  'an',
  'the',
  'open',
  'to',
  'resident',
  'residents',
  'medical',
  'specialist',
  'specialists',
];

/**
 * State codes that are also English words or other abbreviations ("IN", "OR", "ME", "AR" for accounts
 * receivable, "VA" for Veterans Affairs, "PA" a physician assistant): read only when typed in capitals,
 * and VA and AR never (their full names always work).
 */
const WORDLIKE_STATES = new Set([
  'IN',
  'OR',
  'ME',
  'HI',
  'OK',
  'OH',
  'AL',
  'CO',
  'ID',
  'LA',
  'MA',
  'PA',
  'DE',
]);
const NEVER_READ_STATES = new Set(['VA', 'AR']);

/** Credential codes that are short words or clash with a state: read only in capitals, and PA never. */
const SHORT_CREDENTIALS = new Set(['RN', 'NP', 'LPN', 'PA', 'CCC']);

interface Dictionary {
  /** Keyed by the phrase as typed (capitals matter). */
  exact: Map<string, Entry>;
  /** Keyed by the lower-cased phrase. */
  anyCase: Map<string, Entry>;
}

let dictionary: Dictionary | undefined;

function buildDictionary(): Dictionary {
  const exact = new Map<string, Entry>();
  const anyCase = new Map<string, Entry>();
  // First writer wins: entries are added in order of precedence.
  const add = (map: Map<string, Entry>, phrase: string, entry: Entry) => {
    const key = map === anyCase ? normalize(phrase).toLowerCase() : normalize(phrase);
    if (!map.has(key)) map.set(key, entry);
  };

  for (const code of CREDENTIALS) {
    if (code === 'PA') continue;
    const entry: Entry = { field: 'credential', values: [code] };
    add(SHORT_CREDENTIALS.has(code) ? exact : anyCase, code, entry);
    const info = CREDENTIAL_INFO[code];
    for (const name of [info.name, ...info.aliases, ...(info.apprenticeNames ?? [])])
      add(anyCase, name, entry);
  }
  for (const state of US_STATES) {
    const entry: Entry = { field: 'state', values: [state] };
    add(anyCase, STATE_NAMES[state], entry);
    if (NEVER_READ_STATES.has(state)) continue;
    add(WORDLIKE_STATES.has(state) ? exact : anyCase, state, entry);
  }
  add(anyCase, 'washington dc', { field: 'state', values: ['DC'] });
  add(anyCase, 'washington d.c.', { field: 'state', values: ['DC'] });
  for (const [phrase, mode] of Object.entries(WORK_MODE_PHRASES))
    add(anyCase, phrase, { field: 'workMode', values: [mode] });
  for (const [phrase, type] of Object.entries(EMPLOYMENT_PHRASES)) {
    add(anyCase, phrase, { field: 'employmentType', values: [type] });
  }
  for (const [phrase, roles] of Object.entries(ROLE_PHRASES))
    add(anyCase, phrase, { field: 'role', values: roles });
  for (const [specialty, terms] of Object.entries(SPECIALTY_TERMS) as [
    Specialty,
    (typeof SPECIALTY_TERMS)[Specialty],
  ][]) {
    const entry: Entry = { field: 'specialty', values: [specialty] };
    add(anyCase, specialty, entry);
    for (const term of terms.terms) add(anyCase, term, entry);
    for (const abbreviation of terms.abbreviations) add(exact, abbreviation, entry);
  }
  for (const term of CODING_SYSTEM_TERMS) {
    add(term.caseSensitive ? exact : anyCase, term.phrase, { field: 'codingSystem', values: term.systems });
  }
  for (const word of FILLERS) add(anyCase, word, { field: 'filler', values: [] });
  return { exact, anyCase };
}

function normalize(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ');
}

/** A loose word as typed, with sentence punctuation around it taken off ("Texas," -> "Texas"). */
function bareWord(token: string): string {
  return token.replace(/^[([{'"]+|[)\]}'",;:!?.]+$/g, '');
}

function readPay(word: string): number | undefined {
  const hourly = /^\$?(\d{1,3}(?:\.\d{1,2})?)\s*(?:\/|per\s*)(?:hr|hour|h)\+?$/i.exec(word);
  if (hourly) {
    const rate = Number(hourly[1]);
    return rate >= 8 && rate <= 300 ? Math.round(rate * HOURS_PER_YEAR) : undefined;
  }
  const thousands = /^\$?(\d{2,3})k\+?$/i.exec(word);
  if (thousands) return Number(thousands[1]) * 1000;
  const dollars = /^\$(\d{2,3},?\d{3})\+?$/.exec(word) ?? /^(\d{2,3},\d{3})\+?$/.exec(word);
  if (dollars) return Number(dollars[1].replace(',', ''));
  return undefined;
}

type Segment = { kind: 'text'; raw: string } | { kind: 'word'; raw: string; word: string };

/** Quoted phrases, -exclusions and OR are kept as text; every other token is a loose word. */
function segments(q: string): Segment[] {
  const out: Segment[] = [];
  for (const m of q.matchAll(/-?"[^"]*"?|\S+/g)) {
    const raw = m[0];
    if (raw.startsWith('"') || raw.startsWith('-') || raw === 'OR') out.push({ kind: 'text', raw });
    else out.push({ kind: 'word', raw, word: bareWord(raw) });
  }
  return out;
}

function lookup(dict: Dictionary, words: string[]): Entry | undefined {
  const phrase = words.join(' ');
  return dict.exact.get(phrase) ?? dict.anyCase.get(phrase.toLowerCase());
}

/**
 * Reads the vocabulary out of a search box. The longest phrase wins at each place ("New York" before
 * "York", "risk adjustment" before "risk"); a state goes to remoteEligibleFor when remote work was also
 * asked for, else to state. Nothing is read from quoted phrases, exclusions or "OR" queries' operands.
 */
export function readKeywords(q: string): KeywordFilters {
  dictionary ??= buildDictionary();
  const dict = dictionary;
  const out: KeywordFilters = {
    text: '',
    credential: [],
    workMode: [],
    specialty: [],
    role: [],
    employmentType: [],
    codingSystem: [],
    state: [],
    readings: [],
  };
  const segs = segments(q);
  // A query with OR asks for alternatives of text: read nothing from it.
  if (segs.some((s) => s.raw === 'OR')) return { ...out, text: q.trim() };

  const left: string[] = [];
  const fillers: string[] = [];
  const states: { phrase: string; state: UsState }[] = [];
  let i = 0;
  while (i < segs.length) {
    const seg = segs[i];
    if (seg.kind === 'text') {
      left.push(seg.raw);
      i++;
      continue;
    }
    // The longest run of loose words (up to LONGEST_PHRASE) that names something.
    let matched: { entry: Entry; length: number; phrase: string } | undefined;
    for (let n = Math.min(LONGEST_PHRASE, segs.length - i); n >= 1 && !matched; n--) {
      const run = segs.slice(i, i + n);
      if (run.some((s) => s.kind !== 'word')) continue;
      // Inner punctuation counts only on the last word: "Dallas, Texas" is two places, not one phrase.
      const words = run.map((s, k) => (k === n - 1 ? (s as { word: string }).word : s.raw));
      if (n > 1 && run.slice(0, -1).some((s) => /[,;]$/.test(s.raw))) continue;
      const entry = lookup(dict, words);
      if (entry) matched = { entry, length: n, phrase: words.join(' ') };
    }
    if (!matched) {
      const word = (seg as { word: string }).word;
      const pay = readPay(word);
      if (pay !== undefined && out.minPay === undefined) {
        out.minPay = pay;
        out.readings.push({ phrase: word, field: 'minPay', values: [String(pay)] });
      } else if (/^\d{5}$/.test(word) && out.near === undefined) {
        out.near = word;
        out.readings.push({ phrase: word, field: 'near', values: [word] });
      } else {
        left.push(seg.raw);
      }
      i++;
      continue;
    }
    const { entry, phrase } = matched;
    i += matched.length;
    if (entry.field === 'filler') {
      fillers.push(phrase);
      continue;
    }
    if (entry.field === 'state') {
      states.push({ phrase, state: entry.values[0] });
      continue;
    }
    const list = out[entry.field] as string[];
    for (const v of entry.values) if (!list.includes(v)) list.push(v);
    out.readings.push({ phrase, field: entry.field, values: [...entry.values] });
  }

  // Remote plus a state means "remote jobs I can take from there"; one state only, the first.
  const remote = out.workMode.length === 1 && out.workMode[0] === 'remote';
  for (const [k, { phrase, state }] of states.entries()) {
    if (remote && k === 0) {
      out.remoteEligibleFor = state;
      out.readings.push({ phrase, field: 'remoteEligibleFor', values: [state] });
    } else if (remote) {
      left.push(phrase);
    } else if (!out.state.includes(state)) {
      out.state.push(state);
      out.readings.push({ phrase, field: 'state', values: [state] });
    }
  }
  // Fillers only carry meaning around what was read; with nothing read, the words are all text.
  if (out.readings.length === 0) return { ...out, text: q.trim() };
  out.text = left.join(' ');
  return out;
}
