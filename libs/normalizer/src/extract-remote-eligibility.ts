// Reads where a remote worker may live: "must reside in TX, OK or AR" (allowed states), "not open to
// residents of CA, NY" (excluded states), "Remote - US" (country only). Only read for remote and
// hybrid jobs; an allowed-states list makes the country implicit.
import { toStateCode, type UsState, type WorkMode } from '#taxonomy';
import type { Evidence } from './normalized-listing';
import type { RawPosting } from '#sources';
import { NON_JOB_SECTIONS, splitClauses, type PostingLine } from './posting-lines';
import { findStateRuns } from './state-mentions';
import { snippet } from './evidence';

const ALLOW_CUE =
  /(?:must (?:reside|live|be located|be based)|resid(?:e|ing|ents?) (?:in|of|within)|residents? of|live (?:in|within)|living in|eligible (?:in|states?)|open to (?:candidates |applicants |residents )?(?:in|of|from|located in)|(?:hire|hiring|employ) (?:in|from)|only (?:in|from)|within|work remotely from|remote from|remote (?:in|for)|remote\s*[(\-–:,]|following states:?|states? of|for)\s*$/i;
const EXCLUDE_CUE =
  /(?:not open to(?: residents of)?|not available (?:in|to)(?: residents of)?|excluding|excludes?|except(?: for)?|cannot (?:hire|employ)(?: in| residents of)?|can ?not (?:hire|employ)(?: in)?|unable to (?:hire|employ)(?: in| residents of)?|not (?:able to )?(?:hire|employ)(?: in| residents of)?|not eligible (?:in|for residents of)|with the exception of|outside of|not (?:hiring|accepting applicants) (?:in|from))\s*:?\s*$/i;
const RESIDENTS_AFTER = /^\s*(?:\)?\s*residents?\b|\s*only\b)/i;
// "Arizona Time", "Central Time": a working-hours time zone, never a residence rule. "DC Metro",
// "Dallas area": where the office is, not who may work from home.
const NOT_A_SCOPE_AFTER =
  /^\s*(?:,\s*D\.?C\.?\s*)?(?:time\b|standard time|daylight time|time zone|hours\b|metro(?:politan)?\b|area\b)/i;
// A location field of states and a remote tag and nothing else: "Remote - TX, OK, AR", "TX | FL | Remote".
const STATE_TAG_FILLER =
  /\b(?:(?:work )?locations?|remote|work from home|wfh|telecommute|us|usa|u\.s\.a?\.?|united states|only|or|and)\b|[\s,;|/&()\-–—:·•]+/gi;
const COUNTRY_US =
  /\b(?:remote|anywhere|reside|residents?|located|based|live|work)\b[^.;]{0,40}?\b(?:US|U\.S\.A?\.?|USA|United States|continental US|contiguous (?:US|United States)|nationwide)\b|\b(?:US|U\.S\.|USA)[- ](?:only|based)\b|\b(?:US|U\.S\.|USA|United States)\s+(?:residents|citizens|applicants)\b|\bnationwide\b/i;
const REMOTE_CONTEXT =
  /\b(?:remote(?:ly)?|telework\w*|telecommut\w*|work from home|anywhere|nationwide|reside|residents?|live in|living in|hire in|employ)\b/i;

export const STATES_BESIDE_TAG = 'states listed beside a remote tag, with no sentence saying who may apply';

export interface RemoteEligibility {
  remoteStates: string[] | null;
  remoteExcludedStates: string[];
  remoteCountry: string | null;
  evidence: Evidence[];
}

function readApplicantLocations(raw: RawPosting, allowed: Set<UsState>): boolean {
  let country = false;
  for (const name of raw.applicantLocations ?? []) {
    const state = toStateCode(name);
    if (state) allowed.add(state);
    else if (/^(?:us|usa|u\.s\.a?\.?|united states(?: of america)?)$/i.test(name.trim())) country = true;
  }
  return country;
}

/** A short field that is nothing but states and a remote tag ("Remote - TX, OK, AR"). */
function isStateTagList(clause: string, runs: { start: number; end: number }[]): boolean {
  if (runs.length === 0 || clause.length > 120 || !/\bremote\b|work from home|wfh|telecommute/i.test(clause))
    return false;
  let rest = clause;
  for (const run of [...runs].reverse()) rest = rest.slice(0, run.start) + ' ' + rest.slice(run.end);
  return rest.replace(STATE_TAG_FILLER, '').trim() === '';
}

export function extractRemoteEligibility(
  raw: RawPosting,
  lines: PostingLine[],
  workMode: WorkMode,
): RemoteEligibility {
  const none: RemoteEligibility = {
    remoteStates: null,
    remoteExcludedStates: [],
    remoteCountry: null,
    evidence: [],
  };
  if (workMode !== 'remote' && workMode !== 'hybrid') return none;

  const allowed = new Set<UsState>();
  const excluded = new Set<UsState>();
  const evidence: Evidence[] = [];
  let country = readApplicantLocations(raw, allowed);

  const texts: { text: string; clauses: string[] }[] = [
    ...(raw.locations ?? [])
      .map((l) => l.text ?? '')
      .filter(Boolean)
      .map((text) => ({ text, clauses: splitClauses(text).map((c) => c.text) })),
    ...lines.filter((l) => !NON_JOB_SECTIONS.has(l.section)),
  ];
  for (const { text, clauses } of texts) {
    for (const clause of clauses) {
      if (!REMOTE_CONTEXT.test(clause) && !/^\s*remote\b/i.test(text)) continue;
      if (COUNTRY_US.test(clause)) {
        country = true;
        evidence.push({ field: 'remoteCountry', value: 'US', phrase: snippet(clause) });
      }
      const runs = findStateRuns(clause);
      const onlyStates = isStateTagList(clause, runs);
      for (const run of runs) {
        const before = clause.slice(Math.max(0, run.start - 60), run.start);
        const after = clause.slice(run.end, run.end + 20);
        if (NOT_A_SCOPE_AFTER.test(after)) continue;
        if (EXCLUDE_CUE.test(before)) {
          run.states.forEach((s) => excluded.add(s));
          evidence.push({ field: 'remoteExcludedStates', value: run.states, phrase: snippet(clause) });
        } else if (onlyStates) {
          run.states.forEach((s) => allowed.add(s));
          evidence.push({
            field: 'remoteStates',
            value: run.states,
            phrase: snippet(clause),
            inferred: STATES_BESIDE_TAG,
          });
        } else if (ALLOW_CUE.test(before) || RESIDENTS_AFTER.test(after)) {
          run.states.forEach((s) => allowed.add(s));
          evidence.push({ field: 'remoteStates', value: run.states, phrase: snippet(clause) });
        }
      }
    }
  }
  // Alphabetical, so the same states read from two postings compare equal.
  return {
    remoteStates: allowed.size > 0 ? [...allowed].sort() : null,
    remoteExcludedStates: [...excluded].sort(),
    remoteCountry: allowed.size === 0 && country ? 'US' : null,
    evidence,
  };
}
