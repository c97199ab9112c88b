import { generateListings, generateProfiles } from '../../../tests/support/synthetic-listings';
import { checkEligibility } from './check-eligibility';
import { defaultEquivalenceRules } from './equivalence-rules';
import { createMatchContext } from './match-context';
import { failsCheapConstraint, failsHardConstraint } from './quick-reject';
import { rankMatches } from './rank-matches';

const rules = defaultEquivalenceRules();
const listings = [...generateListings(11, 2000)];
const profiles = generateProfiles(11, 12);
const now = new Date('2026-03-01T00:00:00Z');

describe('failsCheapConstraint', () => {
  it('only rejects listings that the full check also finds ineligible', () => {
    let rejected = 0;
    for (const profile of profiles) {
      for (const listing of listings) {
        if (failsCheapConstraint(listing, profile)) {
          rejected++;
          expect(checkEligibility(listing, profile, rules).eligible).toBe(false);
        }
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  it('leaves ranking unchanged: the eligible results of a stretch run are the plain results', () => {
    for (const profile of profiles.slice(0, 4)) {
      const plain = rankMatches(listings, profile, { rules, now, employerCap: 1000 }).map((r) => r.listingId);
      const stretch = rankMatches(listings, profile, { rules, now, employerCap: 1000, stretch: true })
        .filter((r) => r.eligible)
        .map((r) => r.listingId);
      expect(plain).toEqual(stretch);
    }
  });
});

describe('failsHardConstraint', () => {
  it('rejects exactly the listings the full check finds ineligible', () => {
    // Some candidates left an employer out, some could not be placed, some ask a yearly minimum.
    const variants = profiles.flatMap((profile, i) => [
      profile,
      { ...profile, excludeEmployers: ['Lakeside', 'Summit Health System, Inc.'] },
      { ...profile, home: null, workMode: 'any' as const },
      { ...profile, openToRelocation: true, workMode: i % 2 === 0 ? ('any' as const) : profile.workMode },
      { ...profile, openToRelocation: true, home: null },
      { ...profile, minPay: { amount: 52_000, period: 'year' as const }, employmentTypes: [] },
      { ...profile, credentials: i % 2 === 0 ? ['CPC-A' as const] : [], roles: [] },
    ]);
    let rejected = 0;
    let kept = 0;
    const disagreements: string[] = [];
    for (const [index, profile] of variants.entries()) {
      const context = createMatchContext(profile, rules);
      for (const listing of listings.slice(0, 500)) {
        const fails = failsHardConstraint(listing, context);
        if (fails === checkEligibility(listing, profile, rules).eligible) {
          disagreements.push(`profile ${index}, ${listing.id}`);
        }
        if (fails) rejected++;
        else kept++;
      }
    }
    expect(disagreements).toEqual([]);
    expect(rejected).toBeGreaterThan(1000);
    expect(kept).toBeGreaterThan(1000);
  });
});
