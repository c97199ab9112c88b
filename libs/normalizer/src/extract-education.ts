// Reads the education a posting asks for, as one level: high_school, certificate (a coding program),
// associate, bachelor, master. Alternatives in one clause ask for the lowest; several required
// statements ask for the highest; preferred ones only count when nothing is required.
import type { Evidence } from './normalized-listing';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { snippet } from './evidence';

export const EDUCATION_LEVELS = ['high_school', 'certificate', 'associate', 'bachelor', 'master'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

const LEVEL_PATTERNS: [EducationLevel, RegExp][] = [
  ['high_school', /\b(?:high school|ged|hs diploma|secondary school)\b/i],
  [
    'certificate',
    /\b(?:(?:medical )?coding (?:training )?(?:program|certificate|course)|(?:accredited|approved) (?:coding |billing )?program|certificate program|vocational program)\b/i,
  ],
  ['associate', /\b(?:associate(?:'s|’s)?(?: degree)?|a\.a\.s?\.|aas)\b(?!\s+(?:with|level|coder))/i],
  ['bachelor', /\b(?:bachelor(?:'s|’s)?|b\.s\.|b\.a\.|bs\/ba|four[- ]year degree)\b/i],
  ['master', /\b(?:master(?:'s|’s)? degree|mba|m\.s\.|mha)\b/i],
];
const DEGREE_CONTEXT = /\b(?:degree|diploma|ged|program|education|graduate|completion|equivalent)\b/i;
const PREFERRED = /\b(?:preferred|a plus|desired|nice to have|ideal(?:ly)?)\b/i;

export interface EducationReading {
  education: EducationLevel | null;
  evidence: Evidence[];
}

function rank(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}

// "(2) Education. An associate degree... OR, (3) Completion of a coding program": numbered paths.
const OPENS_WITH_OR = /^[\s\W]*or\b/i;

export function extractEducation(lines: PostingLine[]): EducationReading {
  const required: { level: EducationLevel; phrase: string }[] = [];
  const preferred: { level: EducationLevel; phrase: string }[] = [];
  let last: { level: EducationLevel; phrase: string } | null = null;
  for (const line of lines) {
    if (line.index === 0 || NON_JOB_SECTIONS.has(line.section)) continue;
    for (const text of line.clauses) {
      const alternative = OPENS_WITH_OR.test(text);
      if (!alternative) last = null;
      if (!DEGREE_CONTEXT.test(text)) continue;
      const levels = LEVEL_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([level]) => level);
      if (levels.length === 0) continue;
      const lowest = levels.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      // An alternative to the statement just read lowers it rather than adding a second one.
      if (alternative && last) {
        if (rank(lowest) < rank(last.level)) Object.assign(last, { level: lowest, phrase: snippet(text) });
        continue;
      }
      const target = PREFERRED.test(text) || line.section === 'preferred' ? preferred : required;
      last = { level: lowest, phrase: snippet(text) };
      target.push(last);
    }
  }
  const pool = required.length > 0 ? required : preferred;
  if (pool.length === 0) return { education: null, evidence: [] };
  const chosen =
    required.length > 0
      ? pool.reduce((a, b) => (rank(b.level) > rank(a.level) ? b : a))
      : pool.reduce((a, b) => (rank(b.level) < rank(a.level) ? b : a));
  return {
    education: chosen.level,
    evidence: [{ field: 'education', value: chosen.level, phrase: chosen.phrase }],
  };
}
