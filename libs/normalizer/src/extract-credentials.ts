// Reads which credentials a posting requires, accepts as alternatives, or prefers, the way a recruiter
// does: a list joined by "or" is a choice, one joined by "and" needs all; "required" / "preferred"
// after or before a list decides its kind, else the section it sits in does ("Preferred
// Qualifications"); "within 6 months of hire" moves the deadline; "or equivalent" and "CPC-A welcome"
// relax it; a credential offered as a benefit ("we pay for your CPC exam") or turned away ("CPC-A not
// accepted") is no requirement. Lists come out in the vocabulary's order, so equal postings compare equal.
import { LICENCES, type Credential } from '#taxonomy';
import type { CertificationRequirements, Evidence } from './normalized-listing';
import { findCredentialMentions, type CredentialMention } from './credential-mentions';
import { apprenticeStance, isExcludedList, opensExclusion } from './credential-exclusions';
import { NON_JOB_SECTIONS, type PostingLine } from './posting-lines';
import { snippet } from './evidence';
import { readDuration } from './read-numbers';
import { combineUnits, unique, type CredentialUnit } from './combine-credentials';

type Kind = CredentialUnit['kind'];

const PREFERRED_CUE =
  /\b(?:preferred|preferable|prefer|a plus|is a plus|are a plus|nice to have|desired|desirable|helpful|advantageous|an advantage|a bonus|ideal(?:ly)?|encouraged|not required|optional|beneficial)\b/gi;
const REQUIRED_CUE =
  /\b(?:required|requires?|must|mandatory|needed|need|necessary|minimum|essential|condition of employment)\b/gi;
// "CPC or CCS also accepted": alternatives to the unit just read.
const ALTERNATIVE_CUE =
  /\b(?:also accepted|accepted|acceptable|in lieu of|considered|will be considered|welcome[ds]?)\b/i;
const WITHIN =
  /\bwithin\s+(?:the\s+first\s+)?(\d{1,3}|one|two|three|four|six|nine|twelve|eighteen|twenty[- ]four)\s*(?:\(\d{1,3}\)\s*)?(days?|weeks?|months?|years?)\b/i;
const EQUIVALENT =
  /^[^.;]{0,30}?\bor\s+(?:an?\s+)?(?:equivalent|comparable|similar|other\s+(?:nationally\s+)?(?:recognized|accredited))\b/i;
const ANY_OF = /\b(?:one of the following|any of the following|one of|any one of|either)\b/i;
// "Clinical background (RN, LPN) or 3 years of coding", "3 years of coding, or prior work as a
// registered nurse (RN)": a licence named as the background of one path, another path being years or
// experience. The licence is wished for, not required.
const LICENCE_CODES: ReadonlySet<Credential> = new Set(LICENCES);
const NOT_ASKED_AFTER =
  /^(?:(?!\b(?:helpful|preferred|a plus|desired|welcome|but)\b)[^;(]){0,30}?\b(?:is|are)\s+not\s+(?:needed|necessary|required|mandatory)\b/i;
const BACKGROUND_BEFORE_LICENCE =
  /\b(?:background|experience|work(?:ed)?|worked|working|career|training)\b(?:\s+as)?(?:\s+(?:an?|the))?(?:\s+(?:licensed|registered|practical|vocational|clinical|physician|nurse|assistant|practitioner|or|\/))*\s*\(?\s*$/i;
const YEARS_OR_EXPERIENCE =
  /\b(?:\d{1,2}|one|two|three|four|five|six)\+?\s*(?:\(\d{1,2}\)\s*)?(?:years?|months?)\b|\bexperience\b/i;
// Offered, not asked: exam fees, memberships, training toward a credential, a program that makes one
// eligible to sit for it.
const BENEFIT_CUE =
  /\b(?:exams?|membership|dues|ceus?|voucher|reimburse\w*|pay for|paid|sponsor\w*|toward|towards|pursu\w+|working on|prep|study|raise|upon|bonus|stipend|eligib\w+ (?:to (?:sit|test|take|write) |for )|(?:sit|test) for)\b/i;
// "Must be CPC eligible": able to sit the exam, not holding the credential.
const EXAM_ELIGIBLE_AFTER = /^\s*(?:exam\s+)?eligib(?:le|ility)\b/i;
// The credential is one way in, another being years, a degree or experience: "CPC or 3 years of
// coding", "two years of coding experience or an active CPC", "CPB or equivalent billing experience".
const OTHER_PATH_AFTER =
  /^[\s,)]*(?:(?:certification|certified|credential|license|licensure)\s*)?,?\s*or\s+(?:(?:an?|the|any|a minimum of|at least|minimum|equivalent|relevant|related|comparable|work|coding|billing|clinical|professional)\s+)*(?:(?:\d{1,2}|one|two|three|four|five|six)\+?\s*(?:\(\d{1,2}\)\s*)?(?:years?|months?)|experience|(?:associate|bachelor|master)(?:'?s)?\s+degree|degree|completion of)\b/i;
const OTHER_PATH_BEFORE =
  /\b(?:experience|degree|program)\b[^.;]{0,40}?\bor\s+(?:an?\s+|the\s+)?(?:active\s+|current\s+|valid\s+)?$/i;
// "Clinical experience as an RN or LPN": a background that may qualify, not a licence to hold.
const EXPERIENCE_AS_BEFORE =
  /\b(?:experience|background|worked|working)\s+(?:as|in the role of)\s+(?:an?\s+)?(?:licensed\s+|registered\s+)?$/i;
// "an AAPC credential (CPC, COC or CIC)": the codes in brackets say which of the body's credentials.
const SPELLED_OUT_AFTER =
  /^[\s-]*(?:approved\s+|recognized\s+)?(?:coding\s+)?(?:credential|certification|certificate)s?\s*(?:(?:is\s+|are\s+)?(?:required|preferred)\s*)?\(\s*$/i;
// "AAPC or AHIMA credential (CPC, CCS, RHIT)": both bodies are spelled out by the codes that follow.
const ISSUER_JOIN = /^\s*(?:or|and|and\/or|\/|,)\s*$/i;
const LIST_FILLER =
  /\b(?:credentials?|certifications?|certificates?|certified|licen[cs]e[ds]?|licensure|active|current|valid|unrestricted|through|from|by|via|aapc|ahima|acdis|and\/or|or|and|either|plus|both|an?|the|with|is|are|also|formerly|previously|known as)\b/gi;

function cuesIn(text: string, pattern: RegExp): number[] {
  const at: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) at.push(m.index);
  return at;
}

interface MentionList {
  mentions: CredentialMention[];
  /** Groups joined by "and": each group is a choice among its mentions. */
  groups: CredentialMention[][];
  start: number;
  end: number;
}

/** Joins mentions separated only by commas, conjunctions and filler into lists. */
function groupMentions(clause: string, mentions: CredentialMention[]): MentionList[] {
  const lists: MentionList[] = [];
  let current: MentionList | null = null;
  for (const mention of mentions) {
    if (current) {
      const gap = clause.slice(current.end, mention.start);
      const rest = gap.replace(LIST_FILLER, '').replace(/[\s,/()&:\-–—®]+/g, '');
      // "X, or a coding professional with Y": an alternative introduced by "or"; but "X or equivalent
      // and Y" asks for both.
      const orLead =
        /^[\s,)]*(?:(?:certification|credential|required|preferred)\s*)?,?\s*or\b/i.test(gap) &&
        !/\b(?:and|plus)\b|&/i.test(gap) &&
        gap.length <= 60;
      // "CCS or RHIA (CCS-P and CPC alone do not qualify)": the bracket starts a list of its own.
      if ((rest === '' || orLead) && !opensExclusion(clause, current.end, mention.start)) {
        const joinsByAnd =
          rest === '' && /\b(?:and|plus|both)\b|&/i.test(gap) && !/\bor\b|and\/or|\//i.test(gap);
        if (joinsByAnd) current.groups.push([mention]);
        else current.groups[current.groups.length - 1].push(mention);
        current.mentions.push(mention);
        current.end = mention.end;
        continue;
      }
      lists.push(current);
    }
    current = { mentions: [mention], groups: [[mention]], start: mention.start, end: mention.end };
  }
  if (current) lists.push(current);
  return lists;
}

/**
 * "Either a professional credential (CPC, COC) or a facility one (CCS, CCA)": after "either" (or "one
 * of"), lists joined by "or" are one choice, however long the words between them.
 */
function joinEitherOr(clause: string, lists: MentionList[], anyOfAt: number): MentionList[] {
  if (lists.length < 2 || anyOfAt > lists[0].start) return lists;
  const joined: MentionList[] = [lists[0]];
  for (const list of lists.slice(1)) {
    const previous = joined[joined.length - 1];
    const gap = clause.slice(previous.end, list.start);
    if (
      /\bor\b/i.test(gap) &&
      !/\b(?:and|plus)\b|&/i.test(gap) &&
      gap.length <= 120 &&
      !opensExclusion(clause, previous.end, list.start)
    ) {
      previous.mentions.push(...list.mentions);
      previous.groups = [[...previous.mentions]];
      previous.end = list.end;
    } else joined.push(list);
  }
  return joined;
}

/** Only licences, named as the background of one path while years or experience are another. */
function licenceAsBackground(clause: string, list: MentionList): boolean {
  if (!list.mentions.every((m) => m.credentials.every((c) => LICENCE_CODES.has(c)))) return false;
  if (!BACKGROUND_BEFORE_LICENCE.test(clause.slice(Math.max(0, list.start - 60), list.start))) return false;
  const rest = clause.slice(0, list.start).replace(/[^.;]*$/, '') + clause.slice(list.end);
  const around =
    clause.slice(Math.max(0, list.start - 120), list.start) + ' ' + clause.slice(list.end, list.end + 120);
  return (
    /\bor\b/i.test(around) && YEARS_OR_EXPERIENCE.test(rest + ' ' + around.replace(/\bbackground\b/g, ''))
  );
}

/** Where the text between the previous list and this one starts (0 for the first list). */
function previousStart(lists: MentionList[], index: number): number {
  return index > 0 ? lists[index - 1].end : 0;
}

function isOffered(clause: string, list: MentionList): boolean {
  const before = clause.slice(Math.max(0, list.start - 40), list.start);
  const after = clause.slice(list.end, list.end + 25);
  return BENEFIT_CUE.test(before) || BENEFIT_CUE.test(after) || EXAM_ELIGIBLE_AFTER.test(after);
}

/** The kind a cue gives the list: a cue right after it (before the next list), else the nearest before it. */
function cueKind(clause: string, list: MentionList, nextStart: number): Kind | null {
  const after = clause.slice(list.end, Math.min(nextStart, list.end + 60));
  // A remark in brackets after a credential ("RN license (compact licence a plus)") is about it, not a cue.
  const stop = after.search(/[;(]/);
  const tail = stop >= 0 ? after.slice(0, stop) : after;
  if (cuesIn(tail, PREFERRED_CUE).length > 0) return 'preferred';
  if (cuesIn(tail, REQUIRED_CUE).length > 0) return 'required';
  const before = clause.slice(0, list.start);
  const lastPreferred = Math.max(-1, ...cuesIn(before, PREFERRED_CUE));
  const lastRequired = Math.max(-1, ...cuesIn(before, REQUIRED_CUE));
  if (lastPreferred < 0 && lastRequired < 0) return null;
  return lastPreferred > lastRequired ? 'preferred' : 'required';
}

function sectionKind(line: PostingLine): Kind | null {
  if (line.section === 'preferred') return 'preferred';
  if (line.section === 'requirements') return 'required';
  return null;
}

const CREDENTIAL_WORD =
  /\b(?:certif\w*|credential\w*|licen[cs]\w*|registered|active|current|hold|possess)\b/i;
// "Certification required within 6 months of hire": the deadline of the credentials named nearby.
const DEADLINE_SUBJECT = /\b(?:certif\w*|credential\w*|licen[cs]\w*)\b/i;
// A clause that is nothing but the list ("- CCA, CPC-A or CPC;") is a list of what is asked for.
const BULLET_LEAD = /^[\s\-*•·▪–—\d.)]*$/;
const BARE_TAIL = /^[\s.;,:!]*$/;

export interface CredentialReading {
  certifications: CertificationRequirements;
  evidence: Evidence[];
}

interface ReadingState {
  units: CredentialUnit[];
  withinDays: number | null;
  equivalentAccepted: boolean;
  apprenticeWelcome: boolean;
  /** An apprentice turned away anywhere ("CPC-A not accepted", "no apprentices") outweighs a welcome. */
  apprenticeRefused: boolean;
  /** Credentials turned away: they drop out of the choices an issuer or "coding certification" stood for. */
  excluded: Set<Credential>;
  /** The unit a following "CPC also accepted" joins: the last one read, on this line or the one before. */
  lastUnit: { index: number; line: number } | null;
}

export function extractCredentials(lines: PostingLine[]): CredentialReading {
  const state: ReadingState = {
    units: [],
    withinDays: null,
    equivalentAccepted: false,
    apprenticeWelcome: false,
    apprenticeRefused: false,
    excluded: new Set(),
    lastUnit: null,
  };
  for (const line of lines) {
    // The title names the job ("Certified Medical Coder"), not what it requires.
    if (line.index === 0 || line.heading || NON_JOB_SECTIONS.has(line.section)) continue;
    for (const clause of line.clauses) readClause(clause, line, state);
  }

  // A generic "coding certification" only counts where no credential is named.
  const named = state.units.filter((u) => !u.generic);
  const used = (named.length > 0 ? named : state.units)
    .map((unit) => ({
      ...unit,
      credentials: unique(unit.credentials).filter((c) => !state.excluded.has(c) || unit.named.includes(c)),
    }))
    .filter((unit) => unit.credentials.length > 0);
  const evidence: Evidence[] = used.map((unit) => ({
    field: 'certifications',
    value: { kind: unit.kind, credentials: unit.credentials },
    phrase: unit.phrase,
  }));
  const apprenticeAccepted = state.apprenticeWelcome && !state.apprenticeRefused;
  return {
    certifications: combineUnits(used, state.withinDays, state.equivalentAccepted, apprenticeAccepted),
    evidence,
  };
}

function readClause(clause: string, line: PostingLine, state: ReadingState): void {
  const stance = apprenticeStance(clause);
  if (stance === 'refused') state.apprenticeRefused = true;
  else if (stance === 'welcome') state.apprenticeWelcome = true;
  const found = findCredentialMentions(clause);
  // "a coding certification (CPC, CCS)", "an AAPC credential (CPC, COC)": the words before the
  // brackets only name what the codes are.
  const named = found.some((m) => m.kind !== 'generic') ? found.filter((m) => m.kind !== 'generic') : found;
  const spelledOut = new Set<number>();
  for (let i = named.length - 1; i >= 0; i--) {
    const m = named[i];
    const next = named[i + 1];
    if (m.kind !== 'issuer' || !next) continue;
    const gap = clause.slice(m.end, next.start);
    if (
      SPELLED_OUT_AFTER.test(gap) ||
      (next.kind === 'issuer' && spelledOut.has(i + 1) && ISSUER_JOIN.test(gap))
    )
      spelledOut.add(i);
  }
  const mentions = named.filter((_m, i) => !spelledOut.has(i));
  const within = WITHIN.exec(clause);
  const withinClauseDays = within ? readDuration(within[1], within[2]) : null;
  if (mentions.length === 0) {
    if (withinClauseDays !== null && DEADLINE_SUBJECT.test(clause) && !BENEFIT_CUE.test(clause))
      state.withinDays ??= withinClauseDays;
    return;
  }
  const anyOfCue = ANY_OF.exec(clause);
  const forcedAnyOf = anyOfCue !== null;
  const anyOfAt = anyOfCue?.index ?? Infinity;
  const lists = joinEitherOr(clause, groupMentions(clause, mentions), anyOfAt);
  let previousEnd = 0;
  lists.forEach((list, listIndex) => {
    const nextStart = lists[listIndex + 1]?.start ?? clause.length;
    const excluded = isExcludedList(clause, list.start, list.end, previousEnd);
    previousEnd = list.end;
    if (excluded) {
      for (const mention of list.mentions) {
        if (mention.apprentice) state.apprenticeRefused = true;
        else mention.credentials.forEach((c) => state.excluded.add(c));
      }
      return;
    }
    if (withinClauseDays === null && isOffered(clause, list)) return;
    // "an RN license is not needed": named to say it is not asked for ("helpful but not required"
    // is still a wish, read by the cues below).
    if (NOT_ASKED_AFTER.test(clause.slice(list.end, Math.min(nextStart, list.end + 50)))) return;
    const onlyApprentice = list.mentions.every((m) => m.apprentice);
    const afterList = clause.slice(list.end, list.end + 60);
    const beforeList = clause.slice(Math.max(previousStart(lists, listIndex), list.start - 80), list.start);
    // One qualification path among others, or a background named in an experience statement: wished
    // for, not required.
    const onePath =
      OTHER_PATH_AFTER.test(afterList) ||
      OTHER_PATH_BEFORE.test(beforeList) ||
      EXPERIENCE_AS_BEFORE.test(beforeList.slice(-40)) ||
      licenceAsBackground(clause, list);
    if (list.mentions.some((m) => m.apprentice)) state.apprenticeWelcome = true;
    if (!onePath && EQUIVALENT.test(afterList)) state.equivalentAccepted = true;
    // "CPC or CCS with two years of risk adjustment also considered": the cue may come after a remark,
    // but not past the next list.
    const alternative = ALTERNATIVE_CUE.test(clause.slice(list.end, Math.min(nextStart, list.end + 90)));
    // "CPC-A welcome": relaxes the full credential named elsewhere, adds nothing itself.
    if (onlyApprentice && alternative) return;
    // "One of the following: ..." makes the list one choice; "CPC and either CRC or CCS" keeps the
    // first requirement apart, the cue standing inside the list.
    const groups = forcedAnyOf && anyOfAt <= list.start ? [list.mentions] : list.groups;
    const phrase = snippet(clause, list.start, list.end);
    const last = state.lastUnit;
    const previous = last && line.index - last.line <= 1 ? state.units[last.index] : null;
    // "CPC or CCS also accepted": joins the choice read just before.
    if (alternative && previous && previous.kind === 'required') {
      for (const mention of groups.flat()) {
        previous.credentials.push(...mention.credentials);
        if (mention.kind === 'credential') previous.named.push(...mention.credentials);
      }
      return;
    }
    let kind = cueKind(clause, list, nextStart) ?? sectionKind(line);
    if (withinClauseDays !== null) {
      kind = 'required';
      state.withinDays ??= withinClauseDays;
    } else if (onePath) kind = 'preferred';
    if (kind === null) {
      // A named credential with a word like "certified" or "license", "or equivalent", or a bare list
      // of codes reads as asked for; the generic "certified coder" in prose ("we are looking for a
      // certified coder") does not.
      const generic = list.mentions.every((m) => m.kind === 'generic');
      const bare = BULLET_LEAD.test(clause.slice(0, list.start)) && BARE_TAIL.test(clause.slice(list.end));
      if (generic || !(CREDENTIAL_WORD.test(clause) || EQUIVALENT.test(afterList) || bare)) return;
      kind = 'required';
    }
    for (const group of groups) {
      state.units.push({
        credentials: group.flatMap((m) => m.credentials),
        named: group.filter((m) => m.kind === 'credential').flatMap((m) => m.credentials),
        kind,
        generic: group.every((m) => m.kind === 'generic'),
        phrase,
      });
      state.lastUnit = { index: state.units.length - 1, line: line.index };
    }
  });
}
