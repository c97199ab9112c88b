// Reads the least years of experience a posting requires: "3+ years", "minimum of two (2) years",
// "2-3 years", "18 months", "one year of specialized experience"; "no experience required" is 0.
// Only a hard minimum counts: years that are preferred ("recommended", "a plus") are kept apart as a
// wish, and years offered as one path among others ("2 years, or an associate degree", "or an
// equivalent combination of education and experience", "(1) Experience ... OR (2) Education") set
// none. Ages ("18 years of age"), the employer's history ("over 125 years") and a program's length
// ("a training program of one year") are not experience.
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
const PREFERRED =
  /\b(?:preferred|a plus|desired|nice to have|ideal(?:ly)?|strongly preferred|recommended)\b/i;
const NO_EXPERIENCE =
  /\bno (?:prior |previous )?(?:coding |billing |work )?experience (?:required|necessary|needed)\b|\bexperience (?:is )?not required\b/i;
// Another way in than the years: a degree, a program, a credential, "an equivalent combination".
const OTHER_PATH =
  /\b(?:degree|diploma|education|training|program|course\w*|certificat\w*|credential\w*|licen[cs]\w*|CPC|CCS|CCA|RHIT|RHIA|equivalent combination|combination of (?:education|training))\b/;
// Before the years, a clinical background is another way in too ("experience as an RN or LPN, or 3
// years of coding"); after them it is one more kind of experience the years count ("3 years of CDI
// or clinical experience").
const OTHER_PATH_BEFORE_YEARS = new RegExp(
  `${OTHER_PATH.source}|\\b(?:RN|LPN|nurs\\w+|clinical (?:experience|background))\\b`,
);
// "or" leading straight to the other path: "or collections, and a diploma" joins two things asked.
const OR_OTHER_PATH_AFTER = new RegExp(
  `\\bor\\b(?!\\s+more\\b|\\s+longer\\b)(?:(?!\\band\\b)[^.;]){0,40}?${OTHER_PATH.source}(?!\\s+(?:roles?|settings?|departments?|positions?|environments?|fields?|teams?)\\b)`,
  'i',
);
const OTHER_PATH_OR_BEFORE = new RegExp(
  `(?:${OTHER_PATH_BEFORE_YEARS.source})[^.;]{0,80}?\\bor\\s*,?\\s*(?:\\(\\d\\)\\s*)?(?:an?\\s+|at least\\s+|a minimum of\\s+|minimum\\s+)?$`,
  'i',
);
// "3 years of coding, or prior work as a registered nurse": a clinical career as the other path
// (unlike "3 years of CDI or clinical experience", one more kind of experience the years count).
const CLINICAL_PATH_AFTER =
  /\bor\b[^.;]{0,30}?\b(?:work|worked|experience|background|career)\s+as\s+(?:an?\s+)?(?:licensed\s+|registered\s+)?(?:nurse|RN|LPN|LVN|physician|clinician|paramedic)/i;
const OPENS_WITH_OR = /^[\s\W]*or\b/i;
// "CRC required; CPC or CCS also accepted with 2 years": years that only one path asks for.
const CONDITION_OF_A_PATH =
  /\b(?:also accepted|accepted|acceptable|considered|in lieu of \w+|instead)\b[^.;]{0,40}\bwith\s+(?:at least\s+|a minimum of\s+|minimum\s+)?$/i;
const ENDS_WITH_OR = /\bor\s*[,;:]?\s*$/i;
// "a training program of approximately one year": the length of a program, not experience.
const PROGRAM_LENGTH =
  /\b(?:program|course|curriculum|training)\s+(?:of|lasting|that lasts)\s+(?:approximately\s+|about\s+|at least\s+)?$/i;

interface YearsStatement {
  years: number;
  phrase: string;
}

export interface ExperienceReading {
  /** The least years the posting requires (a hard minimum); null when it sets none. */
  minYearsExperience: number | null;
  /** Years the posting only prefers, when it names some; never a minimum. */
  preferredYearsExperience: number | null;
  evidence: Evidence[];
}

/** The years a clause asks for, with the least of its alternatives ("2-3 years"); null when none. */
function yearsIn(text: string): { years: number; at: number; end: number } | null {
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
    if (/\b(?:within|after|every|per|over|each|less than|under|fewer than|up to)\s*$/i.test(head)) continue;
    if (PROGRAM_LENGTH.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const years = /^month/i.test(m[2]) ? Math.round((n / 12) * 10) / 10 : n;
    inClause.push({ years, at: m.index, end: m.index + m[0].length - tail.length });
  }
  if (inClause.length === 0) return null;
  // Alternatives in one clause ("CIRCC, or CPC with 3 years", "2-3 years") ask for the least.
  return inClause.reduce((a, b) => (b.years < a.years ? b : a));
}

/** The years are one path among others ("2 years, or an associate degree", "OR, (2) Education"). */
function oneOfSeveralPaths(
  text: string,
  found: { at: number; end: number },
  previous: string | null,
  next: string | null,
): boolean {
  return (
    OR_OTHER_PATH_AFTER.test(text.slice(found.end)) ||
    CLINICAL_PATH_AFTER.test(text.slice(found.end)) ||
    OTHER_PATH_OR_BEFORE.test(text.slice(0, found.at)) ||
    CONDITION_OF_A_PATH.test(text.slice(0, found.at)) ||
    OPENS_WITH_OR.test(text) ||
    (previous !== null && ENDS_WITH_OR.test(previous)) ||
    (next !== null && OPENS_WITH_OR.test(next))
  );
}

export function extractExperience(lines: PostingLine[]): ExperienceReading {
  const required: YearsStatement[] = [];
  const preferred: YearsStatement[] = [];
  // Lines that name years or experience, and lines that open with "or" (the other path of one).
  const clauses = lines
    .filter(
      (line) =>
        line.index > 0 &&
        !NON_JOB_SECTIONS.has(line.section) &&
        line.section !== 'pay' &&
        (EXPERIENCE_GATE.test(line.text) || OPENS_WITH_OR.test(line.text)),
    )
    .flatMap((line) => line.clauses.map((text) => ({ text, line })));
  clauses.forEach(({ text, line }, i) => {
    if (!EXPERIENCE_GATE.test(text)) return;
    if (NO_EXPERIENCE.test(text)) {
      required.push({ years: 0, phrase: snippet(text) });
      return;
    }
    const found = yearsIn(text);
    if (!found) return;
    const previous = clauses[i - 1]?.text ?? null;
    const next = clauses[i + 1]?.text ?? null;
    if (oneOfSeveralPaths(text, found, previous, next)) return;
    const target = PREFERRED.test(text) || line.section === 'preferred' ? preferred : required;
    target.push({ years: found.years, phrase: snippet(text, found.at, found.end) });
  });
  const evidence: Evidence[] = [];
  // Several required statements ("5 years of coding, 2 of them auditing"): the largest is the bar.
  const minimum = required.length > 0 ? required.reduce((a, b) => (b.years > a.years ? b : a)) : null;
  if (minimum) evidence.push({ field: 'minYearsExperience', value: minimum.years, phrase: minimum.phrase });
  // Preferred years are a wish, not a bar: the least one named, kept apart.
  const wish = preferred.length > 0 ? preferred.reduce((a, b) => (b.years < a.years ? b : a)) : null;
  if (wish) evidence.push({ field: 'preferredYearsExperience', value: wish.years, phrase: wish.phrase });
  return {
    minYearsExperience: minimum?.years ?? null,
    preferredYearsExperience: wish?.years ?? null,
    evidence,
  };
}
