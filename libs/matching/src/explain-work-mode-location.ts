import { STATE_NAMES, type ListingLocation, type UsState, type WorkMode } from '#taxonomy';
import type { CandidateProfile, CandidateWorkMode, GeoPoint } from './candidate-profile';
import { haversineMiles } from './geo-distance';
import { joinWords } from './join-words';
import type { MatchableListing } from './matchable-listing';
import { NO_REASONS, type Assessment, type MatchReason, type MissingRequirement } from './match-result';

// Remote roles are judged by where the candidate may live; hybrid, onsite and unstated roles by how
// far the nearest location is from home. An onsite role with no mapped location is not a match: we
// cannot tell the candidate it is within reach, so it only appears among stretch matches. A candidate
// open to relocation takes such roles anywhere, mapped or not; one within the commute still scores as
// a commute, one further away as a move, worth what a commute at the edge of the radius is.

/**
 * What each work mode is worth to a candidate, by what they asked for. Someone open to any mode still
 * leans remote, but less than someone who only accepts hybrid as a fallback. Refused modes never get here.
 */
const MODE_VALUE: Record<CandidateWorkMode, Record<WorkMode, number>> = {
  remote_only: { remote: 1, hybrid: 0, onsite: 0, unknown: 0 },
  remote_or_hybrid: { remote: 1, hybrid: 0.85, onsite: 0, unknown: 0.6 },
  any: { remote: 1, hybrid: 0.9, onsite: 0.85, unknown: 0.7 },
};
/** At the edge of the radius a commute is worth this share of one from next door. */
const EDGE_OF_RADIUS_VALUE = 0.5;
/** A role the candidate would move for is worth what one at the edge of the radius is. */
const RELOCATION_VALUE = EDGE_OF_RADIUS_VALUE;

const CANDIDATE_MODE_WORDS: Record<CandidateWorkMode, string> = {
  remote_only: 'remote only',
  remote_or_hybrid: 'remote or hybrid',
  any: 'any work mode',
};

function placeName(location: ListingLocation): string {
  if (location.city && location.state) return `${location.city}, ${location.state}`;
  return location.city ?? location.state ?? location.postalCode ?? 'an unnamed place';
}

function describeMiles(miles: number): string {
  if (miles < 1) return 'under 1 mile';
  const rounded = Math.round(miles);
  return `${rounded} ${rounded === 1 ? 'mile' : 'miles'}`;
}

function residentsOf(states: readonly string[]): string {
  return states.length === 1
    ? `${STATE_NAMES[states[0] as UsState] ?? states[0]} residents`
    : `residents of ${joinWords(states)}`;
}

function explainRemote(
  listing: MatchableListing,
  profile: CandidateProfile,
  withReasons: boolean,
): Assessment {
  const home = profile.stateOfResidence;
  const allowed = listing.remoteStates && listing.remoteStates.length > 0 ? listing.remoteStates : null;
  const excluded = listing.remoteExcludedStates;
  const bar = remoteBar(listing, home);
  if (bar) {
    const text =
      bar === 'remote_country_not_allowed'
        ? `Remote only for residents of ${listing.remoteCountry}: you live in the US`
        : bar === 'remote_state_excluded'
          ? `Remote, not open to ${joinWords(excluded)} residents: you live in ${home}`
          : `Remote only for ${residentsOf(allowed ?? [])}: you live in ${home}`;
    return {
      part: 0,
      reasons: withReasons ? [{ code: bar, text, effect: 'negative' }] : NO_REASONS,
      missing: [{ code: bar, text }],
    };
  }
  const part = MODE_VALUE[profile.workMode].remote;
  if (!withReasons) return { part, reasons: NO_REASONS, missing: [] };
  let reason: MatchReason;
  if (allowed) {
    reason = {
      code: 'remote_state_allowed',
      text: `Remote for ${residentsOf(allowed)}: you live in ${home}`,
      effect: 'positive',
    };
  } else if (excluded.length > 0) {
    reason = {
      code: 'remote_state_allowed',
      text: `Remote, not open to ${joinWords(excluded)} residents: you live in ${home}`,
      effect: 'positive',
    };
  } else {
    reason = { code: 'remote_open', text: 'Remote, open to all US states', effect: 'positive' };
  }
  return { part, reasons: [reason], missing: [] };
}

/** True when the candidate will not take this work mode (an unstated mode counts as onsite for remote-only). */
export function refusesWorkMode(listingMode: WorkMode, candidateMode: CandidateWorkMode): boolean {
  if (listingMode === 'remote') return false;
  if (candidateMode === 'remote_only') return true;
  return candidateMode === 'remote_or_hybrid' && listingMode === 'onsite';
}

/** Why a remote listing is closed to someone living in `state`, or null when it is open to them. */
export function remoteBar(
  listing: MatchableListing,
  state: string,
): 'remote_country_not_allowed' | 'remote_state_excluded' | 'remote_state_not_allowed' | null {
  if (listing.remoteCountry && listing.remoteCountry !== 'US') return 'remote_country_not_allowed';
  if (listing.remoteExcludedStates.includes(state)) return 'remote_state_excluded';
  if (listing.remoteStates && listing.remoteStates.length > 0 && !listing.remoteStates.includes(state)) {
    return 'remote_state_not_allowed';
  }
  return null;
}

function refusal(listing: MatchableListing, profile: CandidateProfile): MissingRequirement | null {
  if (!refusesWorkMode(listing.workMode, profile.workMode)) return null;
  const wants = CANDIDATE_MODE_WORDS[profile.workMode];
  if (profile.workMode === 'remote_only') {
    if (listing.workMode === 'unknown') {
      return {
        code: 'work_mode_unknown',
        text: `Work mode not stated, so probably onsite: you want ${wants}`,
      };
    }
    return {
      code: 'work_mode_refused',
      text: `${listing.workMode === 'hybrid' ? 'Hybrid' : 'Onsite'} role: you want ${wants}`,
    };
  }
  return { code: 'work_mode_refused', text: `Onsite role: you want ${wants}` };
}

function mappedLocations(listing: MatchableListing): ListingLocation[] {
  return listing.locations.filter((l) => l.lat !== null && l.lon !== null);
}

/** The nearest of the mapped locations (the first on a tie or when no distance can be worked out). */
function nearestTo(home: GeoPoint, mapped: ListingLocation[]): { location: ListingLocation; miles: number } {
  let nearest = mapped[0];
  let miles = Infinity;
  for (const location of mapped) {
    const d = haversineMiles(home, { lat: location.lat as number, lon: location.lon as number });
    if (d < miles) {
      miles = d;
      nearest = location;
    }
  }
  return { location: nearest, miles };
}

/**
 * True when a listing that is not remote is barred on place: no mapped location, no home, or the
 * nearest location beyond the commute. The same test explainCommute reports on.
 */
export function outsideCommute(listing: MatchableListing, profile: CandidateProfile): boolean {
  if (profile.openToRelocation === true) return false;
  const mapped = mappedLocations(listing);
  if (mapped.length === 0 || !profile.home) return true;
  return nearestTo(profile.home, mapped).miles > profile.commuteMiles;
}

/** "Hybrid in Plano, TX", "Work mode not stated, based in Austin, TX (nearest of 3 locations)". */
function describeWhere(
  listing: MatchableListing,
  label: string,
  nearest: ListingLocation,
  mapped: number,
): string {
  const place = `${placeName(nearest)}${mapped > 1 ? ` (nearest of ${mapped} locations)` : ''}`;
  return listing.workMode === 'unknown' ? `${label}, based in ${place}` : `${label} in ${place}`;
}

function explainCommute(
  listing: MatchableListing,
  profile: CandidateProfile,
  withReasons: boolean,
): Assessment {
  const refused = refusal(listing, profile);
  if (refused) {
    return {
      part: 0,
      reasons: withReasons ? [{ code: refused.code, text: refused.text, effect: 'negative' }] : NO_REASONS,
      missing: [refused],
    };
  }
  const label =
    listing.workMode === 'hybrid'
      ? 'Hybrid'
      : listing.workMode === 'onsite'
        ? 'Onsite'
        : 'Work mode not stated';
  const fail = (code: MissingRequirement['code'], text: string): Assessment => ({
    part: 0,
    reasons: withReasons ? [{ code, text, effect: 'negative' }] : NO_REASONS,
    missing: [{ code, text }],
  });

  const mapped = mappedLocations(listing);
  const nearest = mapped.length > 0 && profile.home ? nearestTo(profile.home, mapped) : null;
  if (profile.openToRelocation === true && (!nearest || nearest.miles > profile.commuteMiles)) {
    return relocation(listing, profile, label, mapped, nearest, withReasons);
  }
  if (mapped.length === 0) {
    const named = listing.locations[0];
    return fail(
      'listing_location_unknown',
      named
        ? `${label} in ${placeName(named)}, which we could not map: commute unknown`
        : `${label}, with no location given: commute unknown`,
    );
  }
  if (!profile.home) {
    return fail(
      'home_location_unknown',
      `${label} in ${placeName(mapped[0])}: we could not place your home, so commute is unknown`,
    );
  }
  const { location: place, miles } = nearest ?? nearestTo(profile.home, mapped);
  const radius = profile.commuteMiles;
  if (miles > radius) {
    const where = describeWhere(listing, label, place, mapped.length);
    return fail(
      'outside_commute',
      `${where}: ${describeMiles(miles)} from home, beyond your ${radius}-mile radius`,
    );
  }
  const distanceValue = 1 - (1 - EDGE_OF_RADIUS_VALUE) * (miles / radius);
  const part = MODE_VALUE[profile.workMode][listing.workMode] * distanceValue;
  if (!withReasons) return { part, reasons: NO_REASONS, missing: [] };
  const where = describeWhere(listing, label, place, mapped.length);
  const reasons: MatchReason[] = [
    {
      code: 'commute_within',
      text: `${where}: ${describeMiles(miles)} from home, within your ${radius}-mile radius`,
      effect: 'positive',
    },
  ];
  if (listing.workMode === 'unknown' && profile.workMode === 'remote_or_hybrid') {
    reasons.push({
      code: 'work_mode_unknown',
      text: 'Work mode not stated: ask whether hybrid is possible',
      effect: 'negative',
    });
  }
  return { part, reasons, missing: [] };
}

/** A hybrid, onsite or unstated role beyond the commute (or not placed) for a candidate who would move. */
function relocation(
  listing: MatchableListing,
  profile: CandidateProfile,
  label: string,
  mapped: ListingLocation[],
  nearest: { location: ListingLocation; miles: number } | null,
  withReasons: boolean,
): Assessment {
  const part = MODE_VALUE[profile.workMode][listing.workMode] * RELOCATION_VALUE;
  if (!withReasons) return { part, reasons: NO_REASONS, missing: [] };
  const named = listing.locations[0];
  const where = nearest
    ? `${describeWhere(listing, label, nearest.location, mapped.length)}: ${describeMiles(nearest.miles)} from home`
    : named
      ? `${label} in ${placeName(named)}`
      : `${label}, with no location given`;
  return {
    part,
    reasons: [
      { code: 'open_to_relocation', text: `${where}: you are open to relocating`, effect: 'neutral' },
    ],
    missing: [],
  };
}

/** Without reasons (withReasons false), only the part and what is missing: for ranking. */
export function explainWorkModeLocation(
  listing: MatchableListing,
  profile: CandidateProfile,
  withReasons = true,
): Assessment {
  return listing.workMode === 'remote'
    ? explainRemote(listing, profile, withReasons)
    : explainCommute(listing, profile, withReasons);
}
