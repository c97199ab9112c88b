import { generateListings, generateProfiles } from '../../../tests/support/synthetic-listings';
import { defaultEquivalenceRules } from '#matching';
import type { DigestCriteria } from './digest-criteria';
import type { DigestListing } from './digest-listing';
import { FreshListings } from './fresh-listings';
import { rankForProfile, rankForSearch, type DigestItem } from './select-digest';

const rules = defaultEquivalenceRules();
const now = new Date('2026-12-01T12:00:00Z');

/** Generated listings as a digest reads them: credentials flattened, states of the places. */
const listings: DigestListing[] = [...generateListings(23, 3000, { referenceDate: now })].map((l, i) => ({
  ...l,
  certsAll: [...l.certifications.required, ...l.certifications.anyOf.flat(), ...l.certifications.preferred],
  states: [...new Set(l.locations.map((p) => p.state).filter((s): s is string => s !== null))],
  sortAt: l.postedAt ?? now.toISOString(),
  openedXid: BigInt(1000 + i),
}));

const STATES = ['TX', 'CA', 'FL', 'NY', 'OH', 'WA', 'AK'];
const CREDS = ['CPC', 'CCS', 'CRC', 'COC', 'CPB', 'RHIT', 'RHIA'];

/** Searches of every shape the subscriptions use, and some that name many filters at once. */
function searches(): DigestCriteria[] {
  const out: DigestCriteria[] = [{}];
  for (const [i, state] of STATES.entries()) {
    const cred = CREDS[i % CREDS.length];
    out.push(
      { credentials: [cred], workModes: ['remote'], remoteEligibleFor: state },
      { roles: ['coder'], states: [state] },
      { credentials: [cred, CREDS[(i + 1) % CREDS.length]], minPay: 50_000 },
      { roles: ['biller', 'coder_biller'], workModes: ['remote'] },
      { remoteEligibleFor: state, employmentTypes: ['full_time', 'contract'] },
      { specialties: ['inpatient', 'risk_adjustment'], codingSystems: ['ICD-10-PCS'] },
      { workModes: ['onsite', 'hybrid'], near: { lat: 32.78, lon: -96.8, radiusMiles: 50, label: 'Dallas' } },
      { roles: ['auditor'], credentials: [cred], states: [state], workModes: ['hybrid'] },
    );
  }
  return out;
}

const ids = (items: readonly DigestItem[]) => items.map((i) => i.listing.id);

describe('FreshListings: the indexed path keeps exactly what the plain one does', () => {
  const fresh = new FreshListings(listings);

  it('searches: the same listings in the same order as testing every new listing', () => {
    let kept = 0;
    for (const criteria of searches()) {
      const candidates = fresh.forCriteria(criteria);
      const indexed = rankForSearch(candidates, criteria);
      expect(ids(indexed)).toEqual(ids(rankForSearch(listings, criteria)));
      kept += indexed.length;
      // And it looks at fewer than all of them whenever the search names an indexed filter.
      if (Object.keys(criteria).some((k) => k !== 'near' && k !== 'minPay')) {
        expect(candidates.length).toBeLessThan(listings.length);
      }
    }
    expect(kept).toBeGreaterThan(1000);
  });

  it('profiles: the same ranking and reasons as scoring every new listing', () => {
    let ranked = 0;
    let looked = 0;
    const profiles = generateProfiles(29, 60);
    for (const profile of profiles) {
      const candidates = fresh.forProfile(profile);
      const indexed = rankForProfile(candidates, profile, rules, now);
      expect(indexed).toEqual(rankForProfile(listings, profile, rules, now));
      ranked += indexed.length;
      looked += candidates.length;
    }
    expect(ranked).toBeGreaterThan(100);
    // The pre-filter does rule out a good share before scoring.
    expect(looked).toBeLessThan(0.8 * profiles.length * listings.length);
  });

  it('returns nothing for nothing new', () => {
    const none = new FreshListings([]);
    expect(none.forCriteria({ roles: ['coder'] })).toEqual([]);
    expect(none.forProfile(generateProfiles(3, 1)[0])).toEqual([]);
  });
});
