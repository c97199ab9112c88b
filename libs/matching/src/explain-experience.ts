import type { Specialty } from '#taxonomy';
import type { CandidateProfile } from './candidate-profile';
import { pluralYears } from './join-words';
import type { MatchableListing } from './matchable-listing';
import { NO_REASONS, type Assessment } from './match-result';
import { ROLE_WORK_NOUN, SPECIALTY_LABELS } from './specialty-labels';

// A listing's years are read against the candidate's years in the listing's specialty when they
// have it ("Asks 3 years of inpatient coding: you have 2"), else against their years overall.
// Falling short is a penalty, not a bar: postings often bend on experience, rarely on credentials.

const MEETS = 1;
const NOT_STATED = 0.75;
/** Even a small shortfall costs this share; the rest scales with how far short. */
const SHORTFALL_CEILING = 0.8;

export function relevantYears(
  listing: MatchableListing,
  profile: CandidateProfile,
): { years: number; specialty: Specialty | null } {
  let best: { years: number; specialty: Specialty | null } | null = null;
  for (const entry of profile.specialties) {
    if (
      entry.specialty !== 'general' &&
      listing.specialties.includes(entry.specialty) &&
      (!best || entry.years > best.years)
    ) {
      best = { years: entry.years, specialty: entry.specialty };
    }
  }
  return best ?? { years: profile.yearsExperience, specialty: null };
}

/** Without reasons (withReasons false), only the part: for ranking. */
export function explainExperience(
  listing: MatchableListing,
  profile: CandidateProfile,
  withReasons = true,
): Assessment {
  const asked = listing.minYearsExperience;
  if (asked === null) {
    return {
      part: NOT_STATED,
      reasons: withReasons
        ? [{ code: 'experience_not_stated', text: 'No experience requirement stated', effect: 'neutral' }]
        : NO_REASONS,
      missing: [],
    };
  }
  if (asked <= 0) {
    return {
      part: MEETS,
      reasons: withReasons
        ? [
            {
              code: 'experience_not_required',
              text: 'Open to candidates without experience',
              effect: 'positive',
            },
          ]
        : NO_REASONS,
      missing: [],
    };
  }
  const { years, specialty } = relevantYears(listing, profile);
  const meets = years >= asked;
  const part = meets ? MEETS : SHORTFALL_CEILING * Math.max(0, 1 - (asked - years) / asked);
  if (!withReasons) return { part, reasons: NO_REASONS, missing: [] };
  const noun = ROLE_WORK_NOUN[listing.role];
  const of = specialty && noun !== 'experience' ? `${SPECIALTY_LABELS[specialty]} ${noun}` : 'experience';
  const text = `Asks ${pluralYears(asked)} of ${of}: you have ${Math.round(years * 10) / 10}`;
  return {
    part,
    reasons: meets
      ? [{ code: 'experience_meets', text, effect: 'positive' }]
      : [{ code: 'experience_short', text, effect: 'negative' }],
    missing: [],
  };
}
