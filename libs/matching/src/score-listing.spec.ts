import { listingWith, NOW, PLANO, profileWith, yearly } from '../testing/fixtures';
import { loadEquivalenceRules } from './equivalence-rules';
import { PART_WEIGHTS, STRETCH_SHARE } from './score-weights';
import { scoreListing } from './score-listing';

const rules = loadEquivalenceRules();

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
