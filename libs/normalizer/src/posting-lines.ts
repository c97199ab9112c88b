// Splits a posting's plain text into lines and tells which section each sits in, the way a reader
// skims headings: requirements and preferred qualifications decide how a credential is read, and the
// employer blurb, the benefits and the legal notice say nothing about the job itself.
import { CREDENTIALS } from '#taxonomy';
import { MAX_ANALYSED_CHARS, MAX_LINE_CHARS, MAX_LINES } from './text-limits';

const CREDENTIAL_CODES: ReadonlySet<string> = new Set(CREDENTIALS);

export type SectionKind =
  'intro' | 'duties' | 'requirements' | 'preferred' | 'benefits' | 'about' | 'pay' | 'legal' | 'logistics';

export interface PostingLine {
  text: string;
  section: SectionKind;
  /** The line is a heading (its own text names the section that follows). */
  heading: boolean;
  /** 0 for the title, then the description's lines in order. */
  index: number;
  /** The line's sentences and semicolon clauses, split once for every extractor. */
  clauses: string[];
}

/** Words of a benefits package met outside a Benefits section ("medical, dental, 401(k)"). */
export const BENEFITS_CLAUSE =
  /\b(?:benefits? (?:include|package|eligible)|(?:medical|health|dental|vision)\s*(?:,|\/|&|\+|and)\s*(?:dental|vision|life|disability)|health and wellness|401\(?k\)?|403\(?b\)?|paid time off|employee assistance)\b/i;

/** Sections whose words describe the employer or the package, not the job. */
export const NON_JOB_SECTIONS: ReadonlySet<SectionKind> = new Set(['about', 'benefits', 'legal']);

// Order matters: "Preferred Qualifications" is preferred, "About the role" is the job.
const HEADING_KINDS: [RegExp, SectionKind][] = [
  [
    /^(?:preferred|nice[- ]to[- ]haves?|desired|bonus points|pluses|additional preferred|recommended)/i,
    'preferred',
  ],
  [
    /\b(?:preferred (?:qualifications|skills|experience|certifications?|education)|nice to have|desired qualifications)\b/i,
    'preferred',
  ],
  [
    /\b(?:about (?:the|this) (?:role|job|position|opportunity)|the role|the opportunity|position summary|job summary|summary|overview|job description|responsibilities|duties|essential (?:functions|duties)|key (?:functions|responsibilities)|what you(?:'|’)?ll do|what you will do|you will|in this role|your role|day to day|scope|assignment details|about the job)\b/i,
    'duties',
  ],
  [
    /\b(?:requirements?|required|qualifications?|minimum|what you(?:'|’)?ll (?:need|bring)|what you (?:need|bring|have)|what we need|what we(?:'|’)re looking for|you have|you should have|must haves?|skills|experience|education|certifications?|credentials?|licensure|who you are)\b/i,
    'requirements',
  ],
  // "Compensation & Benefits": the pay is stated there, so it is read as pay (and never as duties).
  [
    /\b(?:compensation|pay|salary|wages?)\b.{0,20}\bbenefits?\b|\bbenefits?\b.{0,20}\b(?:compensation|pay|salary)\b/i,
    'pay',
  ],
  [
    /\b(?:benefits?|perks|what we offer|why join|why work|total rewards|we offer|working at|life at)\b/i,
    'benefits',
  ],
  [/\b(?:compensation|pay|salary|wages?|hourly|rate)\b/i, 'pay'],
  [/\b(?:equal (?:employment )?opportunity|eeo|disclaimer|accommodations?|e-verify|privacy)\b/i, 'legal'],
  [
    /^(?:about (?:us|the company|our company)|about [A-Z]|who we are|our company|company overview|our mission)/i,
    'about',
  ],
  [
    /\b(?:location|work location|schedule|shift|work arrangement|work model|work setting|hours|department|job type|position type|status)\b/i,
    'logistics',
  ],
];

// A first paragraph that describes the employer rather than the job.
const EMPLOYER_BLURB =
  /\b(?:(?:is|are) an?(?! plus\b)|has been|have been|operates|provides|serves|founded|was named|we are an?)\b/i;
const JOB_WORDS =
  /\b(?:you will|you'll|position|role|job|responsib|seek|seeking|looking for|hiring|needs? an?|is adding|join|coder|biller|specialist|analyst|representative|auditor|educator|technician)\b/i;
const LEGAL_LINE = /\b(?:equal opportunity employer|without regard to race|affirmative action|e-verify)\b/i;
// Words of the job itself, for telling where an "About <employer>" section gives way to the job.
const JOB_LINE_WORDS =
  /\b(?:you|your|cod(?:e|es|ed|ing|ers?)|bill(?:s|ed|ing|ers?)|claims?|audit\w*|denials?|charts?|encounters?|queries|specialists?|position|role|job|responsib\w*|duties|hiring|seeking|looking for)\b/i;

/** Every sentence describes the employer ("X is a 48-bed hospital...") and none the job. */
function isEmployerBlurb(line: string): boolean {
  if (JOB_WORDS.test(line)) return false;
  return splitClauses(line).every((clause) => EMPLOYER_BLURB.test(clause.text));
}

/**
 * Boards often open with "About <employer>" and go straight on to the job with no heading of its own:
 * a line that speaks of the work, and does not open by describing the employer, ends that section.
 */
function leavesEmployerSection(line: string): boolean {
  if (!JOB_LINE_WORDS.test(line)) return false;
  const first = splitClauses(line)[0]?.text ?? line;
  return !EMPLOYER_BLURB.test(first);
}

function headingKind(label: string): SectionKind | null {
  for (const [pattern, kind] of HEADING_KINDS) if (pattern.test(label)) return kind;
  return null;
}

/** A line that is only a heading: short, no sentence inside, maybe ending with a colon. */
function asHeading(line: string): SectionKind | null {
  if (line.length > 60 || /^(?:[-*•·▪–]|\d+[.)])\s/.test(line)) return null;
  const colon = line.indexOf(':');
  if (colon >= 0 && colon < line.trimEnd().length - 1) return null;
  const label = line.replace(/^[#*\-\s]+/, '').replace(/[:\s]+$/, '');
  if (label.length < 3 || /[.!?]$/.test(label) || /\$\d/.test(label)) return null;
  // A credential code or a number makes it content ("CPC and CRC both required", "3+ years preferred").
  if (/\d/.test(label) || label.split(/[\s,/()]+/).some((word) => CREDENTIAL_CODES.has(word))) return null;
  // Without a colon, a heading is a few words and no choice: "Preferred CCC or CIRCC" is content.
  if (!line.trimEnd().endsWith(':') && (label.split(/\s+/).length > 5 || /\bor\b/i.test(label))) return null;
  return headingKind(label);
}

/** "Requirements: CPC required" -> the line's own section, without changing the next lines'. */
function inlineLabelKind(line: string): SectionKind | null {
  const colon = line.indexOf(':');
  if (colon < 3 || colon > 40) return null;
  return headingKind(line.slice(0, colon));
}

/** Cuts long lines so that every regex sees bounded input. */
function boundedLines(text: string): string[] {
  const lines: string[] = [];
  let carried = '';
  for (const raw of text.split('\n')) {
    // Curly apostrophes read as straight ones ("children’s"); same length, so offsets hold.
    const own = raw.trim();
    if (!own) continue;
    const line = (carried + own).replace(/[’‘]/g, "'");
    carried = '';
    // A board's header broken after a slash ("Onsite or Remote /", then "Hybrid") is one line.
    if (/\s\/$/.test(line) && line.length < 200) {
      carried = `${line} `;
      continue;
    }
    if (line.length <= MAX_LINE_CHARS) lines.push(line);
    else lines.push(...cutLongLine(line));
    if (lines.length >= MAX_LINES) break;
  }
  if (carried.trim() && lines.length < MAX_LINES) lines.push(carried.trim());
  return lines;
}

/** Pieces of at most MAX_LINE_CHARS, cut after a sentence where one ends late enough, else at a space. */
function cutLongLine(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > MAX_LINE_CHARS) {
    const window = rest.slice(0, MAX_LINE_CHARS);
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '));
    const space = window.lastIndexOf(' ');
    const cut =
      sentence > MAX_LINE_CHARS / 2 ? sentence + 1 : space > MAX_LINE_CHARS / 2 ? space : MAX_LINE_CHARS;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

export function splitPostingLines(title: string, descriptionText: string): PostingLine[] {
  const lines: PostingLine[] = [
    { text: title, section: 'intro', heading: false, index: 0, clauses: [title] },
  ];
  let section: SectionKind = 'intro';
  let seenHeading = false;
  const text =
    descriptionText.length > MAX_ANALYSED_CHARS
      ? descriptionText.slice(0, MAX_ANALYSED_CHARS)
      : descriptionText;
  for (const line of boundedLines(text)) {
    const index = lines.length;
    const heading = asHeading(line);
    if (heading) {
      section = heading;
      seenHeading = true;
      lines.push({ text: line, section, heading: true, index, clauses: [line] });
      continue;
    }
    if (section === 'about' && leavesEmployerSection(line)) section = 'intro';
    let own: SectionKind = inlineLabelKind(line) ?? section;
    if (LEGAL_LINE.test(line)) own = 'legal';
    else if (!seenHeading && own === 'intro' && isEmployerBlurb(line)) own = 'about';
    lines.push({
      text: line,
      section: own,
      heading: false,
      index,
      clauses: splitClauses(line).map((c) => c.text),
    });
  }
  return lines;
}

/** Sentences (and semicolon clauses) of one line, with their offsets in it. */
export function splitClauses(line: string): { text: string; start: number }[] {
  const clauses: { text: string; start: number }[] = [];
  // Not after "St." / "Dr." / "e.g." or an initial: "St. Paul, MN as needed" is one clause.
  const boundary =
    /[;!?](?:\s+|$)|(?<!\b(?:St|Ste|Dr|Mr|Mrs|Ms|Ft|Mt|Jr|Sr|No|Inc|Co|vs|Ave|Blvd|approx|e\.g|i\.e))(?<!(?:^|[\s(])[A-Z])\.(?:\s+(?=[A-Z0-9(•\-*])|$)/g;
  let start = 0;
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const end = m.index + 1;
    if (end - start > 1) clauses.push({ text: line.slice(start, end), start });
    start = m.index + m[0].length;
  }
  if (start < line.length) clauses.push({ text: line.slice(start), start });
  return clauses;
}
