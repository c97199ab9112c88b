import { generateListings, generateProfiles } from '../../../tests/support/synthetic-listings';
import { listingWith, NOW, PLANO, profileWith, yearly } from '../testing/fixtures';
import { defaultEquivalenceRules } from './equivalence-rules';
import { createMatchContext } from './match-context';
import { PART_WEIGHTS, STRETCH_SHARE } from './score-weights';
import { scoreInContext, scoreListing, scoreOnlyInContext } from './score-listing';

const rules = defaultEquivalenceRules();

describe('scoreListing', () => {
  it('documents weights that sum to one', () => {
    expect(Object.values(PART_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('returns an integer 0-100 score, parts in 0..1, and reasons in part order', () => {
    const listing = listingWith({
      specialties: ['inpatient'],
      remoteStates: ['TX'],
      certifications: { required: ['CCS'] },
      salary: yearly(52_000, 58_000),
      minYearsExperience: 3,
      postedAt: '2026-03-01T00:00:00Z',
    });
    const profile = profileWith({
      credentials: ['CCS'],
      specialties: [{ specialty: 'inpatient', years: 2 }],
      minPay: { amount: 48_000, period: 'year' },
      workMode: 'remote_only',
    });
    const result = scoreListing(listing, profile, rules, NOW);
    expect(Number.isInteger(result.score)).toBe(true);
    expect(result.score).toBeGreaterThan(70);
    expect(result.score).toBeLessThanOrEqual(100);
    for (const part of Object.values(result.parts)) {
      expect(part).toBeGreaterThanOrEqual(0);
      expect(part).toBeLessThanOrEqual(1);
    }
    expect(result.eligible).toBe(true);
    expect(result.listingId).toBe('listing-1');
    expect(result.reasons.map((r) => r.text)).toEqual([
      'Requires CCS: you hold it',
      'Specialty inpatient: yours, 2 years',
      'Remote for Texas residents: you live in TX',
      'Pays $52-58K: above your $48K minimum',
      'Asks 3 years of inpatient coding: you have 2',
      'Posted 2 days ago',
    ]);
  });

  it('scores a better fit higher', () => {
    const profile = profileWith({
      specialties: [{ specialty: 'profee', years: 5 }],
      minPay: { amount: 50_000, period: 'year' },
    });
    const good = scoreListing(
      listingWith({ certifications: { required: ['CPC'] }, salary: yearly(55_000, 60_000) }),
      profile,
      rules,
      NOW,
    );
    const weaker = scoreListing(
      listingWith({
        specialties: ['oncology'],
        workMode: 'onsite',
        locations: [PLANO],
        salary: yearly(44_000, 46_000),
      }),
      profile,
      rules,
      NOW,
    );
    expect(good.score).toBeGreaterThan(weaker.score);
  });

  it('scores an ineligible listing with its failing part at zero and the stretch share', () => {
    const listing = listingWith({ certifications: { required: ['CCS'] } });
    const result = scoreListing(listing, profileWith(), rules, NOW);
    expect(result.eligible).toBe(false);
    expect(result.parts.credentials).toBe(0);
    expect(result.missing).toEqual([
      { code: 'credential_missing', text: 'Requires CCS: you do not hold it' },
    ]);
    const withoutRequirement = scoreListing(listingWith(), profileWith(), rules, NOW);
    expect(result.score).toBeLessThan(Math.round(withoutRequirement.score * STRETCH_SHARE));
  });

  it('gives a neighbouring role a lower specialty part than the wanted role', () => {
    const profile = profileWith({ roles: ['coder'] });
    const coder = scoreListing(listingWith({ role: 'coder' }), profile, rules, NOW);
    const coderBiller = scoreListing(listingWith({ role: 'coder_biller' }), profile, rules, NOW);
    expect(coderBiller.parts.specialty).toBeLessThan(coder.parts.specialty);
    expect(coderBiller.eligible).toBe(true);
  });
});

describe('scoreOnlyInContext', () => {
  it("is scoreInContext's result without the reasons, for every listing and candidate", () => {
    const listings = [...generateListings(7, 1500)];
    const now = new Date('2026-03-01T00:00:00Z');
    const codes = new Set<string>();
    const differ: string[] = [];
    let compared = 0;
    let ineligible = 0;
    for (const profile of generateProfiles(7, 12)) {
      const context = createMatchContext(profile, rules);
      for (const listing of listings) {
        const { reasons, ...full } = scoreInContext(listing, context, now);
        const only = scoreOnlyInContext(listing, context, now);
        // JSON writes each number so that it reads back to the same bits: the score and every part.
        if (JSON.stringify(only) !== JSON.stringify(full) || reasons.length === 0) differ.push(listing.id);
        compared++;
        if (!full.eligible) ineligible++;
        for (const m of full.missing) codes.add(m.code);
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBe(18_000);
    // The sweep reaches the missing items of every module, not only eligible listings.
    expect(ineligible).toBeGreaterThan(1000);
    expect([...codes]).toEqual(
      expect.arrayContaining([
        'credential_missing',
        'employer_excluded',
        'outside_commute',
        'pay_below_minimum',
        'remote_state_not_allowed',
        'role_not_wanted',
        'work_mode_refused',
      ]),
    );
  });

  it('builds no reasons at all', () => {
    const context = createMatchContext(profileWith(), rules);
    expect(scoreOnlyInContext(listingWith(), context, NOW)).not.toHaveProperty('reasons');
  });
});
