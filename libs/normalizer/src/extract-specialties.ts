// Reads the specialties and settings the job's work covers, from the title, the duties and the
// requirements. The employer blurb ("a children's hospital, a cancer center"), the benefits ("mental
// health benefits") and the legal notice are not the job's.
import { CREDENTIALS, CREDENTIAL_INFO, SPECIALTIES, SPECIALTY_TERMS, type Specialty } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import { BENEFITS_CLAUSE, NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { createPhraseMatcher } from './phrase-matcher';
import { snippet } from './evidence';

function buildMatcher() {
  // Credential names are read as credentials, not specialties ("Certified Professional Coder" is
  // not profee work): they are matched too, and stand for nothing here.
  const insensitive = new Map<string, Specialty[]>(
    CREDENTIALS.flatMap((code) => [CREDENTIAL_INFO[code].name, ...CREDENTIAL_INFO[code].aliases]).map(
      (name) => [name, []],
    ),
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

export interface SpecialtyReading {
  specialties: Specialty[];
  evidence: Evidence[];
}

export function extractSpecialties(lines: PostingLine[]): SpecialtyReading {
  matcher ??= buildMatcher();
  const found = new Map<Specialty, string>();
  for (const line of lines) {
    if (NON_JOB_SECTIONS.has(line.section) || line.section === 'pay' || BENEFITS_CLAUSE.test(line.text))
      continue;
    for (const hit of matcher.find(line.text)) {
      for (const specialty of hit.value) {
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
