import type { Role, Specialty } from '#taxonomy';
import type { CandidateProfile } from './candidate-profile';
import { joinWords, pluralYears } from './join-words';
import type { MatchableListing } from './matchable-listing';
import { NO_REASONS, type Assessment } from './match-result';
import { SPECIALTY_LABELS } from './specialty-labels';

// Specialty and setting decide whether a coder is productive from day one (inpatient DRG work and
// profee E/M work are different jobs), so a shared specialty counts for a lot, a neighbouring one
// for some, and an unrelated one for little.

/** Pairs close enough that experience in one carries over to the other. */
const RELATED: [Specialty, Specialty][] = [
  ['em', 'profee'],
  ['emergency', 'urgent_care'],
  ['emergency', 'outpatient'],
  ['radiology', 'interventional_radiology'],
  ['interventional_radiology', 'cardiology'],
  ['surgery', 'orthopedics'],
  ['surgery', 'outpatient'],
  ['home_health', 'skilled_nursing'],
  ['pediatrics', 'profee'],
  ['obgyn', 'profee'],
  ['cardiology', 'profee'],
  ['orthopedics', 'profee'],
  ['oncology', 'profee'],
  ['urgent_care', 'profee'],
  ['pathology_lab', 'outpatient'],
  ['risk_adjustment', 'profee'],
];

/** RELATED both ways round, as a lookup: it is asked for every pair of specialties of every listing. */
const RELATED_TO = new Map<Specialty, Set<Specialty>>();
const relate = (a: Specialty, b: Specialty): void => {
  RELATED_TO.set(a, (RELATED_TO.get(a) ?? new Set<Specialty>()).add(b));
};
for (const [x, y] of RELATED) {
  relate(x, y);
  relate(y, x);
}
const relatedTo = (a: Specialty, b: Specialty): boolean => RELATED_TO.get(a)?.has(b) ?? false;

/**
 * Settings say where the work happens; the rest name the clinical area and are the more telling
 * match ("oncology" says more about a coder than "professional fee"), so they weigh double.
 */
const SETTINGS: ReadonlySet<Specialty> = new Set<Specialty>(['inpatient', 'outpatient', 'profee', 'general']);
const weightOf = (s: Specialty): number => (SETTINGS.has(s) ? 1 : 2);

/**
 * A listing that names no specialty is open to all. Billing, AR and records work carries across
 * specialties, so there it is nearly a fit; coding productivity depends on specialty, so for coding
 * work it is an unknown.
 */
const UNNAMED_CODING = 0.55;
const UNNAMED_OTHER_WORK = 0.75;
const CODING_ROLES: ReadonlySet<Role> = new Set<Role>([
  'coder',
  'coder_biller',
  'auditor',
  'educator',
  'cdi',
]);
/** A candidate who named no specialty fits a setting better than a niche (dental, ambulance...). */
const CANDIDATE_NAMED_NONE = 0.5;
const CANDIDATE_NAMED_NONE_NICHE = 0.35;
const RELATED_ONLY = 0.45;
const UNRELATED = 0.15;
// A shared specialty scores from SHARED_BASE up to 1: how much of the listing the candidate covers,
// how much of the candidate's own focus the listing uses, and years in the shared specialty.
const SHARED_BASE = 0.4;
const LISTING_COVERAGE = 0.25;
const CANDIDATE_COVERAGE = 0.25;
const SHARED_YEARS = 0.1;
const YEARS_FOR_FULL_CREDIT = 3;

const label = (s: Specialty): string => SPECIALTY_LABELS[s];

/** The candidate's side, worked out once per ranking rather than per listing. */
export interface CandidateSpecialties {
  /** The specialties they named, 'general' aside, in their order. */
  mine: readonly { specialty: Specialty; years: number }[];
  /** The weight of all of them together. */
  weight: number;
  /** "inpatient and oncology" */
  text: string;
}

const weigh = (list: readonly Specialty[]): number => list.reduce((sum, s) => sum + weightOf(s), 0);

export function candidateSpecialties(profile: CandidateProfile): CandidateSpecialties {
  const mine = profile.specialties.filter((s) => s.specialty !== 'general');
  return {
    mine,
    weight: weigh(mine.map((s) => s.specialty)),
    text: joinWords(
      mine.map((s) => label(s.specialty)),
      'and',
    ),
  };
}

/** Without reasons (withReasons false), only the part: for ranking. */
export function explainSpecialty(
  listing: MatchableListing,
  profile: CandidateProfile,
  candidate: CandidateSpecialties = candidateSpecialties(profile),
  withReasons = true,
): Assessment {
  const asked: Specialty[] = listing.specialties.filter((s) => s !== 'general');
  const mine = candidate.mine;
  if (asked.length === 0) {
    return {
      part: CODING_ROLES.has(listing.role) ? UNNAMED_CODING : UNNAMED_OTHER_WORK,
      reasons: withReasons
        ? [{ code: 'specialty_general', text: 'No particular specialty named', effect: 'neutral' }]
        : NO_REASONS,
      missing: [],
    };
  }
  // Only the reasons without a shared specialty name what was asked.
  const askedText = (): string => joinWords(asked.map(label), 'and');
  if (mine.length === 0) {
    return {
      part: asked.every((s) => SETTINGS.has(s)) ? CANDIDATE_NAMED_NONE : CANDIDATE_NAMED_NONE_NICHE,
      reasons: withReasons
        ? [
            {
              code: 'specialty_unknown',
              text: `Specialty: ${askedText()}; you named no specialty`,
              effect: 'neutral',
            },
          ]
        : NO_REASONS,
      missing: [],
    };
  }
  const shared = mine.filter((s) => asked.includes(s.specialty));
  if (shared.length > 0) {
    const sharedNames = shared.map((s) => s.specialty);
    const listingCoverage = weigh(sharedNames) / weigh(asked);
    const candidateCoverage = weigh(sharedNames) / candidate.weight;
    const years = Math.max(...shared.map((s) => s.years));
    const part =
      SHARED_BASE +
      LISTING_COVERAGE * listingCoverage +
      CANDIDATE_COVERAGE * candidateCoverage +
      SHARED_YEARS * Math.min(1, years / YEARS_FOR_FULL_CREDIT);
    if (!withReasons) return { part, reasons: NO_REASONS, missing: [] };
    const names = joinWords(
      shared.map((s) => label(s.specialty)),
      'and',
    );
    const text =
      shared.length === 1
        ? `Specialty ${names}: yours, ${pluralYears(years)}`
        : `Specialties ${names}: yours, up to ${pluralYears(years)}`;
    return { part, reasons: [{ code: 'specialty_match', text, effect: 'positive' }], missing: [] };
  }
  const near = mine.find((s) => asked.some((a) => relatedTo(a, s.specialty)));
  if (near) {
    return {
      part: RELATED_ONLY,
      reasons: withReasons
        ? [
            {
              code: 'specialty_related',
              text: `Specialty ${askedText()}: close to your ${label(near.specialty)} work`,
              effect: 'neutral',
            },
          ]
        : NO_REASONS,
      missing: [],
    };
  }
  return {
    part: UNRELATED,
    reasons: withReasons
      ? [
          {
            code: 'specialty_mismatch',
            text: `Specialty ${askedText()}: you work in ${candidate.text}`,
            effect: 'negative',
          },
        ]
      : NO_REASONS,
    missing: [],
  };
}
