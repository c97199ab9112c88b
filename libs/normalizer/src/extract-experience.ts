// Reads the least years of experience asked: "3+ years", "minimum of two (2) years", "2-3 years",
// "18 months", "one year of specialized experience". Required statements count before preferred
// ones; "no experience required" is 0. Ages ("18 years of age") and the employer's own history ("over
// 125 years") are not experience.
import type { Evidence } from './normalized-listing';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { NUMBER_WORD_PATTERN, readNumber } from './read-numbers';
import { snippet } from './evidence';

const NUMBER = `(\\d{1,2}(?:\\.\\d)?|${NUMBER_WORD_PATTERN})`;
const YEARS = new RegExp(
  `\\b${NUMBER}\\s*(?:\\(\\d{1,2}\\)\\s*)?(?:\\+|or more|plus)?\\s*(?:(?:-|–|to)\\s*\\d{1,2}\\s*)?\\+?\\s*(years?|yrs?|months?)\\b([^.;]{0,90})`,
  'gi',
);
const EXPERIENCE_GATE = /year|yr|month|experience/i;
const EXPERIENCE_WORD =
  /\b(?:experience|exp\b|coding|billing|background|in (?:a|an|the) [\w\s-]{0,30}(?:role|setting|environment|office))/i;
const NOT_EXPERIENCE =
  /\b(?:of age|old|in business|serving|caring|history|anniversary|warranty|retention|vesting)\b/i;
const PREFERRED = /\b(?:preferred|a plus|desired|nice to have|ideal(?:ly)?|strongly preferred)\b/i;
const NO_EXPERIENCE =
  /\bno (?:prior |previous )?(?:coding |billing |work )?experience (?:required|necessary|needed)\b|\bexperience (?:is )?not required\b/i;

export interface ExperienceReading {
  minYearsExperience: number | null;
  evidence: Evidence[];
}

export function extractExperience(lines: PostingLine[]): ExperienceReading {
  const required: { years: number; phrase: string }[] = [];
  const preferred: { years: number; phrase: string }[] = [];
  for (const line of lines) {
    if (line.index === 0 || NON_JOB_SECTIONS.has(line.section) || line.section === 'pay') continue;
    if (!EXPERIENCE_GATE.test(line.text)) continue;
    for (const text of line.clauses) {
      if (NO_EXPERIENCE.test(text)) {
        required.push({ years: 0, phrase: snippet(text) });
        continue;
      }
      const inClause: { years: number; at: number; end: number }[] = [];
      YEARS.lastIndex = 0;
      for (let m = YEARS.exec(text); m; m = YEARS.exec(text)) {
        const n = readNumber(m[1]);
        const tail = m[3] ?? '';
        const head = text.slice(Math.max(0, m.index - 25), m.index);
        if (
          n === null ||
          n > 40 ||
          NOT_EXPERIENCE.test(tail.slice(0, 25)) ||
          (!EXPERIENCE_WORD.test(tail) &&
            !/^\s*of\s+[a-z]/i.test(tail) &&
            !/experience\s*(?:of|:)?\s*$/i.test(head))
        )
          continue;
        if (/\b(?:within|after|every|per|over|each|less than|under|fewer than|up to)\s*$/i.test(head))
          continue;
        const years = /^month/i.test(m[2]) ? Math.round((n / 12) * 10) / 10 : n;
        inClause.push({ years, at: m.index, end: m.index + m[0].length });
      }
      if (inClause.length === 0) continue;
      // Alternatives in one clause ("CIRCC, or CPC with 3 years", "2-3 years") ask for the least.
      const years = Math.min(...inClause.map((c) => c.years));
      const target = PREFERRED.test(text) || line.section === 'preferred' ? preferred : required;
      target.push({ years, phrase: snippet(text, inClause[0].at, inClause[0].end) });
    }
  }
  // Several required statements ("5 years of coding, 2 of them auditing"): the largest is the bar.
  const pool = required.length > 0 ? required : preferred;
  if (pool.length === 0) return { minYearsExperience: null, evidence: [] };
  const chosen = pool.reduce((a, b) => (b.years > a.years ? b : a));
  return {
    minYearsExperience: chosen.years,
    evidence: [{ field: 'minYearsExperience', value: chosen.years, phrase: chosen.phrase }],
  };
}
