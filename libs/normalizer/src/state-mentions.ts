// Finds US states named in a piece of text: two-letter codes in capitals and full names. "VA" before
// "Medical Center", "Health Care System", "Community Care"... is Veterans Affairs, not Virginia, and
// "OR" / "IN" / "ME" only count in capitals (the words "or", "in", "me" do not).
import { STATE_NAMES, STATE_NAME_ALIASES, US_STATES, type UsState } from '#taxonomy';
import { createPhraseMatcher } from './phrase-matcher';

export interface StateHit {
  state: UsState;
  start: number;
  end: number;
}

const VETERANS_AFFAIRS_AFTER =
  /^[\s-]*(?:Medical|Health|Healthcare|Hospital|Clinic|Community|CCN|Regional|System|Outpatient|Benefits|Home|Loan|Center|Network|claims?|authorizations?|remittances?|and commercial|MISSION|facility|facilities)\b/i;
const VETERANS_AFFAIRS_BEFORE = /\b(?:the|a|through|with)\s*$/i;

function buildMatcher() {
  const names: [string, UsState][] = [
    ...US_STATES.map((code): [string, UsState] => [STATE_NAMES[code], code]),
    ...Object.entries(STATE_NAME_ALIASES),
    ['Washington State', 'WA'],
  ];
  const codes: [string, UsState][] = US_STATES.map((code): [string, UsState] => [code, code]);
  return createPhraseMatcher<UsState>(names, codes);
}

let matcher: ReturnType<typeof buildMatcher> | null = null;

/** Whether "VA" at this place means Veterans Affairs. */
export function isVeteransAffairs(text: string, start: number, end: number): boolean {
  return (
    VETERANS_AFFAIRS_AFTER.test(text.slice(end, end + 24)) ||
    VETERANS_AFFAIRS_BEFORE.test(text.slice(Math.max(0, start - 10), start))
  );
}

export function findStates(text: string): StateHit[] {
  matcher ??= buildMatcher();
  const hits: StateHit[] = [];
  for (const hit of matcher.find(text)) {
    if (hit.text === 'VA' && isVeteransAffairs(text, hit.start, hit.end)) continue;
    // "Washington, DC" and "Washington DC" are the District.
    if (hit.value === 'WA' && /^,?\s*D\.?C\b/.test(text.slice(hit.end, hit.end + 6))) {
      hits.push({ state: 'DC', start: hit.start, end: hit.end });
      continue;
    }
    hits.push({ state: hit.value, start: hit.start, end: hit.end });
  }
  return hits;
}

const LIST_JOINER = /^(?:[\s,;/&()]|\b(?:or|and|the|states?|of|residents?|only)\b)*$/i;

/** Runs of states joined by commas and conjunctions ("TX, OK or AR"), each with its span. */
export function findStateRuns(text: string): { states: UsState[]; start: number; end: number }[] {
  const runs: { states: UsState[]; start: number; end: number }[] = [];
  for (const hit of findStates(text)) {
    const last = runs[runs.length - 1];
    if (last && LIST_JOINER.test(text.slice(last.end, hit.start))) {
      if (!last.states.includes(hit.state)) last.states.push(hit.state);
      last.end = hit.end;
    } else {
      runs.push({ states: [hit.state], start: hit.start, end: hit.end });
    }
  }
  return runs;
}
