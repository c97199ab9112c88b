import { generateListings, generateProfiles } from '../../../tests/support/synthetic-listings';
import { listingWith, NOW, profileWith } from '../testing/fixtures';
import { defaultEquivalenceRules } from './equivalence-rules';
import type { MatchableListing } from './matchable-listing';
import { rankMatches } from './rank-matches';

const rules = defaultEquivalenceRules();

function many(employer: string, count: number, prefix: string, daysAgo = 0): MatchableListing[] {
  return Array.from({ length: count }, (_, i) =>
    listingWith({
      id: `${prefix}${String(i).padStart(2, '0')}`,
      employer,
      postedAt: new Date(NOW.getTime() - (daysAgo + i) * 86_400_000).toISOString(),
    }),
  );
}

describe('rankMatches', () => {
  it('returns eligible listings, best first', () => {
    const listings = [
      listingWith({ id: 'old', postedAt: '2026-01-01T00:00:00Z' }),
      listingWith({ id: 'fresh', postedAt: '2026-03-03T00:00:00Z' }),
      listingWith({ id: 'needs-ccs', certifications: { required: ['CCS'] } }),
    ];
    const results = rankMatches(listings, profileWith(), { rules, now: NOW });
    expect(results.map((r) => r.listingId)).toEqual(['fresh', 'old']);
    expect(results.every((r) => r.eligible)).toBe(true);
  });

  it('adds stretch matches, marked with what is missing, only when asked', () => {
    const listings = [
      listingWith({ id: 'ok' }),
      listingWith({ id: 'needs-ccs', certifications: { required: ['CCS'] } }),
    ];
    const results = rankMatches(listings, profileWith(), { rules, now: NOW, stretch: true });
    expect(results.map((r) => [r.listingId, r.eligible])).toEqual([
      ['ok', true],
      ['needs-ccs', false],
    ]);
    expect(results[1].missing).toEqual([
      { code: 'credential_missing', text: 'Requires CCS: you do not hold it' },
    ]);
  });

  it('never shows an employer the candidate left out, even as a stretch', () => {
    const listings = [listingWith({ id: 'left-out', employer: 'Acme Coding' })];
    const profile = profileWith({ excludeEmployers: ['Acme Coding'] });
    expect(rankMatches(listings, profile, { rules, now: NOW, stretch: true })).toEqual([]);
  });

  it('allows one employer 3 of the first 20 places by default, pushing the rest down', () => {
    // Acme's ten listings are the freshest, so they would otherwise fill the top ten.
    const listings = [...many('Acme Health', 10, 'acme', 0), ...many('Other Clinic', 20, 'other', 10)];
    const otherEmployers = listings.slice(10).map((l, i) => ({ ...l, employer: `Clinic ${i}` }));
    const results = rankMatches([...listings.slice(0, 10), ...otherEmployers], profileWith(), {
      rules,
      now: NOW,
    });
    expect(results).toHaveLength(30);
    const firstPage = results.slice(0, 20);
    expect(firstPage.filter((r) => r.listing.employer === 'Acme Health')).toHaveLength(3);
    expect(results.slice(20, 27).every((r) => r.listing.employer === 'Acme Health')).toBe(true);
  });

  it('takes the cap, page size and limit as options', () => {
    const listings = [...many('Acme Health', 5, 'acme'), ...many('Beta Billing', 5, 'beta', 5)];
    const results = rankMatches(listings, profileWith(), {
      rules,
      now: NOW,
      employerCap: 1,
      pageSize: 2,
      limit: 4,
    });
    expect(results.map((r) => r.listingId)).toEqual(['acme00', 'beta00', 'acme01', 'acme02']);
  });

  it('rejects nonsensical options', () => {
    expect(() => rankMatches([], profileWith(), { rules, now: NOW, employerCap: 0 })).toThrow(
      'employerCap must be a whole number of at least 1',
    );
    expect(() => rankMatches([], profileWith(), { rules, now: NOW, limit: -1 })).toThrow(RangeError);
  });
});

describe('rankMatches with an explain window', () => {
  const listings = [...generateListings(42, 1000)];
  const profiles = generateProfiles(42, 6);
  const now = new Date('2026-03-01T00:00:00Z');

  it('returns the places of the full ranking in the window, the same results, and its length', () => {
    const cases: { stretch: boolean; limit?: number; employerCap?: number; pageSize?: number }[] = [
      { stretch: false, limit: 100 },
      { stretch: true, limit: 100 },
      { stretch: true },
      { stretch: false, employerCap: 1, pageSize: 5 },
    ];
    const windows = [
      { offset: 0, limit: 20 },
      { offset: 20, limit: 20 },
      { offset: 3, limit: 7 },
      { offset: 95, limit: 20 },
      { offset: 0, limit: 0 },
    ];
    // Two of these candidates can take only about ten listings: their windows reach past every
    // result, which ranks in full at once; the others' are ordered on scores without reasons.
    let shown = 0;
    for (const profile of profiles) {
      for (const c of cases) {
        const options = { rules, now, ...c };
        const full = rankMatches(listings, profile, options);
        for (const window of windows) {
          const { total, page } = rankMatches(listings, profile, { ...options, explain: window });
          expect(total).toBe(full.length);
          // As JSON, as the API sends it (and quicker to compare than object by object).
          expect(JSON.stringify(page)).toBe(
            JSON.stringify(full.slice(window.offset, window.offset + window.limit)),
          );
          shown += page.length;
        }
      }
    }
    expect(shown).toBeGreaterThan(500);
  });

  it('rejects a window that is not whole numbers', () => {
    const profile = profileWith();
    expect(() => rankMatches([], profile, { rules, now: NOW, explain: { offset: -1, limit: 20 } })).toThrow(
      'explain.offset must be a whole number of at least 0',
    );
    expect(() => rankMatches([], profile, { rules, now: NOW, explain: { offset: 0, limit: 1.5 } })).toThrow(
      RangeError,
    );
  });
});
