// Reads where a posting turns credentials away: "CPC-A not accepted", "CCS-P and CPC alone do not
// qualify", "an AAPC credential other than the CCA", "no apprentices", "CPC (A removed)". A credential
// named in an exclusion is no requirement, and an apprentice turned away means apprentices are not
// accepted, whatever a looser line elsewhere says. All patterns read short, bounded slices.

// Words that may sit between a list and what is said of it: "CPC alone", "LPN licenses".
const SUBJECT_WORDS =
  '(?:alone|only|holders?|credentials?|certifications?|certificates?|licen[cs]es?|designations?|candidates|applicants|by itself|by themselves)';
const NOT_TAKEN = '(?:accepted|acceptable|considered|eligible|sufficient|enough|qualifying|valid)';
const NOT_DONE = '(?:qualify|count|suffice|apply|meet)';

/** Said right after a list: "CPC-A not accepted", ") do not qualify", "licenses will not be considered". */
const EXCLUDED_AFTER = new RegExp(
  `^[\\s,)]*(?:${SUBJECT_WORDS}\\s+){0,3}(?:` +
    `(?:is|are|will|would|can|could|may|shall)\\s+not\\s+(?:be\\s+)?${NOT_TAKEN}` +
    `|(?:isn't|aren't|won't|can't|cannot)\\s+(?:be\\s+)?${NOT_TAKEN}` +
    `|not\\s+(?:be\\s+)?${NOT_TAKEN}` +
    `|(?:do|does|will|would|can|could)\\s*(?:not|n't)\\s+${NOT_DONE}` +
    `|(?:cannot|can't|won't)\\s+${NOT_DONE}` +
    `|need not apply|(?:is|are)\\s+(?:excluded|ineligible))\\b`,
  'i',
);

/** Said right before a list: "other than the CCA", "but not CPC-A", "we do not accept CPC-A". */
const EXCLUDED_BEFORE =
  /(?:\b(?:other than|not|no|excluding|except(?:\s+for)?|nor)|\b(?:do|does|will|can|could)\s*(?:not|n't)\s+accept|\b(?:cannot|can't|won't)\s+accept)\s*(?:the\s+|an?\s+|any\s+)?[:(]?\s*$/i;
// "Credentials other than CPC are not accepted", "applicants without an active CPC will not be
// considered": two negatives ask for the credential.
const DOUBLE_NEGATIVE_BEFORE =
  /\b(?:other than|without|lacking|who (?:do not|don't) (?:hold|have))\s*(?:(?:the|an?|active|current|valid)\s+){0,2}$/i;

/** A bracket that turns credentials away: the list before it does not run on into it. */
const NEGATION =
  /\b(?:not|no|cannot|can't|won't|don't|doesn't|isn't|aren't|ineligible|excluded|except|other than)\b/i;

/** Whether a list of credentials at [start, end) of the clause is named to be turned away. */
export function isExcludedList(clause: string, start: number, end: number, previousEnd: number): boolean {
  const before = clause.slice(Math.max(previousEnd, start - 30), start);
  const after = clause.slice(end, end + 70);
  const turnedAwayAfter = EXCLUDED_AFTER.test(after);
  if (turnedAwayAfter && DOUBLE_NEGATIVE_BEFORE.test(before)) return false;
  return turnedAwayAfter || EXCLUDED_BEFORE.test(before);
}

/** Whether the gap between two mentions opens a bracket that turns credentials away. */
export function opensExclusion(clause: string, gapStart: number, gapEnd: number): boolean {
  const open = clause.lastIndexOf('(', gapEnd);
  if (open < gapStart) return false;
  const close = clause.indexOf(')', gapEnd);
  const inside = clause.slice(open, close >= 0 ? Math.min(close, open + 120) : open + 120);
  return NEGATION.test(inside);
}

const APPRENTICE_GATE = /apprentic|removed/i;
const APPRENTICES_REFUSED =
  /\bno\s+apprentices?\b|\bnon-?apprentice\b|\bapprentices?(?:\s+(?:coders?|credentials?|certifications?|designations?|status|level|candidates))?\s+(?:(?:is|are|will|would|can)\s+not\s+(?:be\s+)?(?:accepted|considered|eligible)|(?:do|does|will|can)\s*(?:not|n't)\s+(?:qualify|apply)|not\s+(?:accepted|considered|eligible))\b|\bapprentice\s+(?:designation|status)\s+(?:(?:must be|has been|already)\s+)?removed\b/i;
// "CPC (A removed)", "CPC with the A removed": the capital A is the apprentice designation.
const A_REMOVED =
  /(?:\(\s*|\b[Tt]he\s+|\b[Ww]ith\s+|["“'‘]|-\s*)A["”'’]?\s+(?:(?:designation|status)\s+)?(?:(?:must be|has been|is|already)\s+)?removed\b/;
const APPRENTICES_WELCOME =
  /\bapprentices?(?:\s+(?:coders?|credentials?|level))?\s+(?:(?:are|is|also)\s+){0,2}(?:welcomed?|encouraged|accepted|considered)\b/i;

export type ApprenticeStance = 'refused' | 'welcome' | null;

/** What a clause says of apprentices in words, without naming an apprentice credential. */
export function apprenticeStance(clause: string): ApprenticeStance {
  if (!APPRENTICE_GATE.test(clause)) return null;
  if (APPRENTICES_REFUSED.test(clause) || A_REMOVED.test(clause)) return 'refused';
  if (APPRENTICES_WELCOME.test(clause)) return 'welcome';
  return null;
}
