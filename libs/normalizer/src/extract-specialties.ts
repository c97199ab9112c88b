// Reads the specialties and settings the job's work covers, from the title, the duties and the
// requirements. The employer blurb ("a children's hospital, a cancer center"), the benefits ("mental
// health benefits", "medical, dental, vision") and the legal notice are not the job's, nor are:
// - names of organisations ("Behavioral Health Group", "Children's Hospital of ..."): the employer's
//   type is not the job's specialty;
// - settings offered as alternative backgrounds ("experience in a hospital or physician office"):
//   any healthcare setting will do, so none is the job's;
// - documents read in passing ("pathology reports"), which every kind of coder reads;
// - for jobs outside coding and billing, the domain of a product ("a home care platform"), or a
//   setting the title does not name ("reviews inpatient stays" in a nurse's duties);
// - settings listed as where the occupation may work ("hospitals, and/or physician offices such as
//   ..."), and a setting's word among departments or sources that are no specialties.
import {
  CREDENTIALS,
  CREDENTIAL_INFO,
  SPECIALTIES,
  SPECIALTY_TERMS,
  type Role,
  type Specialty,
} from '#taxonomy';
import type { Evidence } from './normalized-listing';
import { BENEFITS_CLAUSE, NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { createPhraseMatcher, type PhraseHit } from './phrase-matcher';
import { snippet } from './evidence';

/** Phrases that name something other than a specialty although they contain one's words. */
const NOT_SPECIALTIES = [
  'pathology report',
  'pathology reports',
  'lab results',
  'lab result',
  'laboratory results',
  'lab values',
  // Revenue-cycle work and everyday words, not behavioral health or observation stays.
  'financial counseling',
  'financial counselor',
  'financial counselors',
  'credit counseling',
  'observation skills',
  'observational skills',
  // The kind of a credential ("a professional coding credential"), not the job's setting.
  'professional coding credential',
  'professional coding certification',
  'professional coding credentials',
  'professional coding certifications',
  'professional certification',
  'professional certifications',
  'professional credential',
  'professional credentials',
];

function buildMatcher() {
  // Credential names are read as credentials, not specialties ("Certified Professional Coder" is
  // not profee work): they are matched too, and stand for nothing here.
  const insensitive = new Map<string, Specialty[]>(
    [
      ...CREDENTIALS.flatMap((code) => [CREDENTIAL_INFO[code].name, ...CREDENTIAL_INFO[code].aliases]),
      ...NOT_SPECIALTIES,
    ].map((name) => [name, []]),
  );
  const sensitive = new Map<string, Specialty[]>();
  for (const specialty of SPECIALTIES) {
    const { terms, abbreviations } = SPECIALTY_TERMS[specialty];
    for (const term of terms) insensitive.set(term, [...(insensitive.get(term) ?? []), specialty]);
    for (const abbreviation of abbreviations)
      sensitive.set(abbreviation, [...(sensitive.get(abbreviation) ?? []), specialty]);
  }
  return createPhraseMatcher<Specialty[]>(insensitive, sensitive);
}

let matcher: ReturnType<typeof buildMatcher> | null = null;

// "Behavioral Health Group", "Pediatric Associates of ...": a capitalised name of an organisation.
// "Aspire Behavioral Health & Developmental Disabilities Services": the name may run on through
// "&", "and" or "of" before the word that ends it.
const ORGANISATION_AFTER =
  /^(?:\s+(?:[A-Z][\w'&.-]*|&|and|of)){0,4}\s+(?:Group|Groups|Center|Centers|Centre|Hospital|Hospitals|Institute|Associates|Partners|Network|Foundation|Alliance|Society|Consultants|Specialists|Services|Agency|Authority|Clinics|LLC|Inc|PLLC|PC)\b/;
const CAPITALISED = /^[A-Z][\w'/&-]*(?:\s+[A-Z&][\w'/&-]*)*$/;

// "2 years in a hospital or physician office", "hospital and/or clinic experience": any setting.
const SETTING_WORD =
  '(?:hospitals?|clinics?|facilit(?:y|ies)|physicians?|practices?|offices?|providers?|compan(?:y|ies)|health systems?|organi[sz]ations?)';
const SETTING_CHOICE = new RegExp(
  `\\b${SETTING_WORD}\\b[\\w\\s'-]{0,30}?\\b(?:or|and\\/or)\\b[\\w\\s'-]{0,30}?\\b${SETTING_WORD}\\b`,
  'i',
);
const BACKGROUND = /\b(?:experience|background|exposure|years? of)\b/i;
// "in the hospital setting, and/or physician-based settings, such as physician offices, group
// practices, multi-specialty clinics": where the occupation works anywhere, not this job's setting.
const SETTING_WORDS = new RegExp(`\\b${SETTING_WORD}`, 'gi');
const ANY_OF_SETTINGS = /\band\/or\b|\bsuch as\b|\bvarious\b|\bany\b|\ba variety of\b/i;
const MIN_LISTED_SETTINGS = 3;
function listsSettings(clause: string): boolean {
  if (!ANY_OF_SETTINGS.test(clause)) return false;
  return (clause.match(SETTING_WORDS)?.length ?? 0) >= MIN_LISTED_SETTINGS;
}
const SETTING_SPECIALTIES: ReadonlySet<Specialty> = new Set(['profee', 'general', 'outpatient', 'inpatient']);

// For jobs outside coding and billing: the product's domain is not a specialty of the job.
const PRODUCT_WORDS = /\b(?:platform|saas|software|ecosystem|product|technology|app|solutions?)\b/i;

export interface SpecialtyContext {
  /** The role read from the posting: a job outside coding and billing reads no product domain. */
  role?: Role;
  /** The employer's name when the source gave it: its words are not the job's specialty. */
  employer?: string | null;
}

export interface SpecialtyReading {
  specialties: Specialty[];
  evidence: Evidence[];
}

interface ClauseSpan {
  start: number;
  end: number;
  /** A benefits phrase: nothing in the clause is the job's. */
  benefits: boolean;
  /** Settings offered as alternative backgrounds: setting specialties in it are not the job's. */
  anySetting: boolean;
}

/** Where each of the line's clauses sits in it, with what the clause says of the words in it. */
function clauseSpans(line: PostingLine): ClauseSpan[] {
  const spans: ClauseSpan[] = [];
  let from = 0;
  for (const clause of line.clauses) {
    const at = line.text.indexOf(clause, from);
    const start = at >= 0 ? at : from;
    const end = start + clause.length;
    from = end;
    spans.push({
      start,
      end,
      benefits: BENEFITS_CLAUSE.test(clause),
      anySetting: (BACKGROUND.test(clause) && SETTING_CHOICE.test(clause)) || listsSettings(clause),
    });
  }
  if (spans.length === 0) spans.push({ start: 0, end: line.text.length, benefits: false, anySetting: false });
  return spans;
}

function insideName(text: string, hit: PhraseHit<Specialty[]>, employer: string | null): boolean {
  if (CAPITALISED.test(hit.text) && ORGANISATION_AFTER.test(text.slice(hit.end, hit.end + 60))) return true;
  if (!employer) return false;
  const lower = text.toLowerCase();
  const name = employer.toLowerCase();
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
    if (hit.start >= at && hit.end <= at + name.length) return true;
  }
  return false;
}

// "deposits for all window, mail, outpatient, dietary, bad debt ...": a specialty's word as one item
// of a list of departments or sources that are no specialties names a source, not the job's setting.
const LIST_SEPARATOR = /\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+/g;
const MIN_LIST_ITEMS = 4;
function listedAmongOthers(
  text: string,
  clause: ClauseSpan,
  hit: PhraseHit<Specialty[]>,
  hits: PhraseHit<Specialty[]>[],
): boolean {
  const part = text.slice(clause.start, clause.end);
  const items: { start: number; end: number }[] = [];
  let from = 0;
  LIST_SEPARATOR.lastIndex = 0;
  for (let m = LIST_SEPARATOR.exec(part); m; m = LIST_SEPARATOR.exec(part)) {
    items.push({ start: clause.start + from, end: clause.start + m.index });
    from = m.index + m[0].length;
  }
  items.push({ start: clause.start + from, end: clause.end });
  if (items.length < MIN_LIST_ITEMS) return false;
  const at = items.findIndex((item) => hit.start >= item.start && hit.end <= item.end);
  // Only an item that is the word alone is a list entry; "code outpatient visits" is a duty.
  const item = text
    .slice(items[at]?.start ?? 0, items[at]?.end ?? 0)
    .replace(/^(?:the|all|our)\s+/i, '')
    .trim()
    .toLowerCase();
  if (at <= 0 || item !== hit.text.toLowerCase()) return false;
  // A list of specialties ("cardiology, orthopedics, dermatology and general surgery") names them all.
  return !hits.some(
    (h) =>
      h !== hit && h.value.length > 0 && h.start >= items[0].start && h.end <= items[items.length - 1].end,
  );
}

export function extractSpecialties(lines: PostingLine[], context: SpecialtyContext = {}): SpecialtyReading {
  matcher ??= buildMatcher();
  const employer = context.employer && context.employer.trim().length >= 3 ? context.employer.trim() : null;
  const found = new Map<Specialty, string>();
  for (const line of lines) {
    if (NON_JOB_SECTIONS.has(line.section) || line.section === 'pay') continue;
    if (context.role === 'other' && PRODUCT_WORDS.test(line.text)) continue;
    // The line's words are matched once (the other extractors read the same lines); each hit is
    // then judged by the clause it sits in.
    const hits = matcher.find(line.text);
    if (hits.length === 0) continue;
    const clauses = clauseSpans(line);
    for (const hit of hits) {
      const clause = clauses.find((c) => hit.start >= c.start && hit.start < c.end) ?? clauses[0];
      if (clause.benefits || insideName(line.text, hit, employer)) continue;
      if (hit.value.length > 0 && listedAmongOthers(line.text, clause, hit, hits)) continue;
      for (const specialty of hit.value) {
        if (clause.anySetting && SETTING_SPECIALTIES.has(specialty)) continue;
        // A nurse reviewing inpatient stays or an analyst of outpatient data works in no coding
        // setting: outside coding and billing a setting counts only where the title names it.
        if (context.role === 'other' && line.index > 0 && SETTING_SPECIALTIES.has(specialty)) continue;
        if (!found.has(specialty)) found.set(specialty, snippet(line.text, hit.start, hit.end));
      }
    }
  }
  const specialties = SPECIALTIES.filter((s) => found.has(s));
  return {
    specialties,
    evidence: specialties.map((s) => ({ field: 'specialties', value: s, phrase: found.get(s) as string })),
  };
}
