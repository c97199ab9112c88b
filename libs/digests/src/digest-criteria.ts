import { haversineMiles } from '#matching';
import type { DigestListing } from './digest-listing';

/**
 * A search digest's filters: the /jobs filters, with the place already resolved to a circle. Every
 * list means "any of". The same conditions as the search's filterConditions (libs/search), stated on
 * a listing's facts so a compose run tests thousands of subscriptions against the day's new
 * listings in memory. The words (`q`) are full-text search: they are checked by the database on the
 * few listings that pass everything else.
 */
export interface DigestCriteria {
  q?: string;
  roles?: string[];
  credentials?: string[];
  specialties?: string[];
  codingSystems?: string[];
  workModes?: string[];
  employmentTypes?: string[];
  states?: string[];
  remoteEligibleFor?: string;
  near?: { lat: number; lon: number; radiusMiles: number; label: string };
  minPay?: number;
  employer?: string;
}

const anyOf = (wanted: readonly string[] | undefined, have: readonly string[]) =>
  !wanted || wanted.some((w) => have.includes(w));

/** Remote listings a resident of `state` may take (the search's remoteEligibleSql rules). */
export function remoteEligible(l: DigestListing, state: string): boolean {
  return (
    l.workMode === 'remote' &&
    (l.remoteStates === null || l.remoteStates.length === 0 || l.remoteStates.includes(state)) &&
    !l.remoteExcludedStates.includes(state) &&
    (l.remoteCountry === null || l.remoteCountry === 'US')
  );
}

/** Whether a listing passes every filter but the words. */
export function matchesCriteria(l: DigestListing, c: DigestCriteria): boolean {
  if (c.roles && !c.roles.includes(l.role)) return false;
  if (!anyOf(c.credentials, l.certsAll)) return false;
  if (!anyOf(c.specialties, l.specialties)) return false;
  if (!anyOf(c.codingSystems, l.codingSystems)) return false;
  if (c.workModes && !c.workModes.includes(l.workMode)) return false;
  if (c.employmentTypes && !c.employmentTypes.includes(l.employmentType)) return false;
  if (!anyOf(c.states, l.states)) return false;
  if (c.remoteEligibleFor && !remoteEligible(l, c.remoteEligibleFor)) return false;
  if (c.near) {
    const { lat, lon, radiusMiles } = c.near;
    const inside = l.locations.some(
      (p) =>
        p.lat !== null &&
        p.lon !== null &&
        haversineMiles({ lat, lon }, { lat: p.lat, lon: p.lon }) <= radiusMiles,
    );
    if (!inside) return false;
  }
  if (c.minPay !== undefined && (l.salary?.annualMax ?? -1) < c.minPay) return false;
  if (c.employer && !(l.employer ?? '').toLowerCase().includes(c.employer.toLowerCase())) return false;
  return true;
}
