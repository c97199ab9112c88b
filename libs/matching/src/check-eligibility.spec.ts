import {
  DALLAS,
  FORT_WORTH,
  HOUSTON,
  listingWith,
  PLANO,
  profileWith,
  TULSA,
  yearly,
  hourly,
} from '../testing/fixtures';
import { checkEligibility } from './check-eligibility';
import { defaultEquivalenceRules } from './equivalence-rules';
import { scoreListing as scoreWithRules } from './score-listing';
import type { MatchableListing } from './matchable-listing';
import type { CandidateProfile } from './candidate-profile';

const rules = defaultEquivalenceRules();
const check = (listing: MatchableListing, profile: CandidateProfile) =>
  checkEligibility(listing, profile, rules);
const codes = (listing: MatchableListing, profile: CandidateProfile) =>
  check(listing, profile).missing.map((m) => m.code);
const scoreListing = (listing: MatchableListing, profile: CandidateProfile) =>
  scoreWithRules(listing, profile, rules, new Date('2026-03-03T12:00:00Z'));

describe('checkEligibility', () => {
  it('accepts the baseline listing with nothing missing', () => {
    expect(check(listingWith(), profileWith())).toEqual({ eligible: true, missing: [] });
  });

  describe('employers left out', () => {
    it('leaves out an excluded employer, whatever its spelling', () => {
      const result = check(
        listingWith({ employer: 'HCA Healthcare, Inc.' }),
        profileWith({ excludeEmployers: ['hca healthcare'] }),
      );
      expect(result.eligible).toBe(false);
      expect(result.missing).toEqual([
        {
          code: 'employer_excluded',
          text: 'Posted by HCA Healthcare, Inc.: you asked to leave out hca healthcare',
        },
      ]);
    });
    it('matches whole leading words only', () => {
      const profile = profileWith({ excludeEmployers: ['HCA'] });
      expect(codes(listingWith({ employer: 'HCA Houston Healthcare' }), profile)).toEqual([
        'employer_excluded',
      ]);
      expect(codes(listingWith({ employer: 'HCAP Partners' }), profile)).toEqual([]);
    });
    it('keeps listings with no employer', () => {
      expect(codes(listingWith({ employer: null }), profileWith({ excludeEmployers: ['HCA'] }))).toEqual([]);
    });
  });

  describe('employment type', () => {
    it('rejects a type the candidate does not want', () => {
      const result = check(
        listingWith({ employmentType: 'part_time' }),
        profileWith({ employmentTypes: ['full_time', 'contract'] }),
      );
      expect(result.missing).toEqual([
        { code: 'employment_type_not_wanted', text: 'Part-time: you want full-time or contract work' },
      ]);
    });
    it('gives an unstated type the benefit of the doubt', () => {
      expect(
        codes(listingWith({ employmentType: 'unknown' }), profileWith({ employmentTypes: ['part_time'] })),
      ).toEqual([]);
    });
    it('accepts any type when the candidate named none', () => {
      expect(codes(listingWith({ employmentType: 'per_diem' }), profileWith())).toEqual([]);
    });
  });

  describe('role', () => {
    it('rejects a role the candidate did not ask for', () => {
      const result = check(listingWith({ role: 'cdi' }), profileWith({ roles: ['coder'] }));
      expect(result.missing).toEqual([
        { code: 'role_not_wanted', text: 'A CDI role: you asked for coding roles' },
      ]);
    });
    it('accepts a neighbouring role (coder/biller for a coder, AR/denials for a biller)', () => {
      expect(codes(listingWith({ role: 'coder_biller' }), profileWith({ roles: ['coder'] }))).toEqual([]);
      expect(codes(listingWith({ role: 'ar_denials' }), profileWith({ roles: ['biller'] }))).toEqual([]);
    });
    it('accepts every role when the candidate named none', () => {
      expect(codes(listingWith({ role: 'auditor' }), profileWith({ roles: [] }))).toEqual([]);
    });
  });

  describe('work mode', () => {
    const remoteOnly = profileWith({ workMode: 'remote_only' });
    it('a remote-only candidate refuses onsite and hybrid roles', () => {
      expect(check(listingWith({ workMode: 'onsite' }), remoteOnly).missing).toEqual([
        { code: 'work_mode_refused', text: 'Onsite role: you want remote only' },
      ]);
      expect(codes(listingWith({ workMode: 'hybrid' }), remoteOnly)).toEqual(['work_mode_refused']);
    });
    it('a remote-only candidate does not get roles whose work mode is unstated', () => {
      expect(check(listingWith({ workMode: 'unknown' }), remoteOnly).missing).toEqual([
        { code: 'work_mode_unknown', text: 'Work mode not stated, so probably onsite: you want remote only' },
      ]);
    });
    it('a remote-or-hybrid candidate refuses onsite roles but takes hybrid and unstated ones nearby', () => {
      const profile = profileWith({ workMode: 'remote_or_hybrid' });
      expect(codes(listingWith({ workMode: 'onsite', locations: [PLANO] }), profile)).toEqual([
        'work_mode_refused',
      ]);
      expect(codes(listingWith({ workMode: 'hybrid', locations: [PLANO] }), profile)).toEqual([]);
      expect(codes(listingWith({ workMode: 'unknown', locations: [PLANO] }), profile)).toEqual([]);
    });
    it('a candidate open to any mode takes onsite roles within the radius', () => {
      expect(codes(listingWith({ workMode: 'onsite', locations: [PLANO] }), profileWith())).toEqual([]);
    });
  });

  describe('remote state restrictions', () => {
    it('rejects a remote role open only to other states', () => {
      const result = check(listingWith({ remoteStates: ['FL', 'GA'] }), profileWith());
      expect(result.missing).toEqual([
        { code: 'remote_state_not_allowed', text: 'Remote only for residents of FL or GA: you live in TX' },
      ]);
    });
    it('accepts a remote role open to the candidate state', () => {
      expect(codes(listingWith({ remoteStates: ['TX', 'OK', 'AR'] }), profileWith())).toEqual([]);
    });
    it('rejects a remote role that excludes the candidate state', () => {
      const result = check(listingWith({ remoteExcludedStates: ['CA', 'TX'] }), profileWith());
      expect(result.missing).toEqual([
        { code: 'remote_state_excluded', text: 'Remote, not open to CA or TX residents: you live in TX' },
      ]);
    });
    it('accepts a remote role that excludes other states', () => {
      expect(codes(listingWith({ remoteExcludedStates: ['CA', 'NY'] }), profileWith())).toEqual([]);
    });
    it('rejects a remote role restricted to another country', () => {
      expect(codes(listingWith({ remoteCountry: 'CA' }), profileWith())).toEqual([
        'remote_country_not_allowed',
      ]);
    });
    it('ignores distance for remote roles', () => {
      expect(codes(listingWith({ locations: [TULSA] }), profileWith({ commuteMiles: 5 }))).toEqual([]);
    });
  });

  describe('commute', () => {
    it('rejects an onsite role beyond the radius', () => {
      const result = check(
        listingWith({ workMode: 'onsite', locations: [HOUSTON] }),
        profileWith({ commuteMiles: 30 }),
      );
      expect(result.missing).toEqual([
        {
          code: 'outside_commute',
          text: 'Onsite in Houston, TX: 225 miles from home, beyond your 30-mile radius',
        },
      ]);
    });
    it('rejects a hybrid role beyond the radius', () => {
      expect(
        codes(
          listingWith({ workMode: 'hybrid', locations: [FORT_WORTH] }),
          profileWith({ commuteMiles: 20 }),
        ),
      ).toEqual(['outside_commute']);
    });
    it('accepts a role whose nearest location is within the radius', () => {
      expect(
        codes(
          listingWith({ workMode: 'onsite', locations: [HOUSTON, FORT_WORTH] }),
          profileWith({ commuteMiles: 40 }),
        ),
      ).toEqual([]);
    });
    it('rejects an onsite role with no mapped location (commute cannot be promised)', () => {
      const unmapped = { ...TULSA, lat: null, lon: null };
      expect(
        check(listingWith({ workMode: 'onsite', locations: [unmapped] }), profileWith()).missing,
      ).toEqual([
        {
          code: 'listing_location_unknown',
          text: 'Onsite in Tulsa, OK, which we could not map: commute unknown',
        },
      ]);
      expect(codes(listingWith({ workMode: 'onsite', locations: [] }), profileWith())).toEqual([
        'listing_location_unknown',
      ]);
    });
    it('rejects an onsite role when the candidate home could not be placed', () => {
      expect(
        codes(listingWith({ workMode: 'onsite', locations: [DALLAS] }), profileWith({ home: null })),
      ).toEqual(['home_location_unknown']);
    });
  });

  describe('open to relocation', () => {
    const mover = profileWith({ openToRelocation: true, commuteMiles: 30 });
    const unmapped = { ...TULSA, lat: null, lon: null };

    it.each<[string, Partial<MatchableListing>]>([
      ['an onsite role far away', { workMode: 'onsite', locations: [HOUSTON] }],
      ['a hybrid role far away', { workMode: 'hybrid', locations: [TULSA] }],
      ['an onsite role whose place could not be mapped', { workMode: 'onsite', locations: [unmapped] }],
      ['an onsite role with no place at all', { workMode: 'onsite', locations: [] }],
      ['a role of unstated mode far away', { workMode: 'unknown', locations: [HOUSTON] }],
    ])('takes %s', (_what, listing) => {
      expect(check(listingWith(listing), mover)).toEqual({ eligible: true, missing: [] });
    });

    it('takes them without a home at all', () => {
      const homeless = profileWith({ openToRelocation: true, home: null, homeCity: undefined });
      expect(codes(listingWith({ workMode: 'onsite', locations: [DALLAS] }), homeless)).toEqual([]);
    });

    it('still refuses modes the candidate refuses, and remote rules still apply', () => {
      const remoteOnly = profileWith({ openToRelocation: true, workMode: 'remote_only' });
      expect(codes(listingWith({ workMode: 'onsite', locations: [HOUSTON] }), remoteOnly)).toEqual([
        'work_mode_refused',
      ]);
      expect(codes(listingWith({ remoteStates: ['OK'] }), mover)).toEqual(['remote_state_not_allowed']);
    });

    it('scores a move below a commute and says so', () => {
      const near = scoreListing(listingWith({ workMode: 'onsite', locations: [PLANO] }), mover);
      const far = scoreListing(listingWith({ workMode: 'onsite', locations: [HOUSTON] }), mover);
      expect(far.parts.workModeLocation).toBeLessThan(near.parts.workModeLocation);
      expect(far.reasons).toContainEqual({
        code: 'open_to_relocation',
        text: 'Onsite in Houston, TX: 225 miles from home: you are open to relocating',
        effect: 'neutral',
      });
      const nowhere = scoreListing(listingWith({ workMode: 'onsite', locations: [] }), mover);
      expect(nowhere.reasons.map((r) => r.text)).toContain(
        'Onsite, with no location given: you are open to relocating',
      );
    });
  });

  describe('credentials', () => {
    it('rejects a required credential the candidate lacks', () => {
      const result = check(listingWith({ certifications: { required: ['CCS'] } }), profileWith());
      expect(result.missing).toEqual([
        { code: 'credential_missing', text: 'Requires CCS: you do not hold it' },
      ]);
    });
    it('requires every credential of an all-of list', () => {
      const listing = listingWith({ certifications: { required: ['RHIT', 'CCS'] } });
      expect(codes(listing, profileWith({ credentials: ['RHIT'] }))).toEqual(['credential_missing']);
      expect(codes(listing, profileWith({ credentials: ['RHIT', 'CCS'] }))).toEqual([]);
    });
    it('one credential of an any-of group suffices', () => {
      const listing = listingWith({ certifications: { anyOf: [['CPC', 'CCS', 'RHIT']] } });
      expect(codes(listing, profileWith({ credentials: ['RHIT'] }))).toEqual([]);
      expect(check(listing, profileWith({ credentials: ['CRC'] })).missing).toEqual([
        { code: 'credential_group_missing', text: 'Requires one of CPC, CCS or RHIT: you hold none of them' },
      ]);
    });
    it('a CPC-A meets CPC only where apprentices are welcome', () => {
      const apprentice = profileWith({ credentials: ['CPC-A'] });
      expect(codes(listingWith({ certifications: { required: ['CPC'] } }), apprentice)).toEqual([
        'credential_missing',
      ]);
      expect(
        codes(listingWith({ certifications: { required: ['CPC'], apprenticeAccepted: true } }), apprentice),
      ).toEqual([]);
    });
    it('an RHIA meets RHIT', () => {
      expect(
        codes(
          listingWith({ certifications: { required: ['RHIT'] } }),
          profileWith({ credentials: ['RHIA'] }),
        ),
      ).toEqual([]);
    });
    it('a CCS-P meets CPC only when the listing says "or equivalent"', () => {
      const ccsp = profileWith({ credentials: ['CCS-P'] });
      expect(codes(listingWith({ certifications: { required: ['CPC'] } }), ccsp)).toEqual([
        'credential_missing',
      ]);
      expect(
        codes(listingWith({ certifications: { required: ['CPC'], equivalentAccepted: true } }), ccsp),
      ).toEqual([]);
    });
    it('a CIC meets CCS for inpatient listings only', () => {
      const cic = profileWith({ credentials: ['CIC'] });
      const ccs = { required: ['CCS' as const] };
      expect(codes(listingWith({ specialties: ['inpatient'], certifications: ccs }), cic)).toEqual([]);
      expect(codes(listingWith({ specialties: ['outpatient'], certifications: ccs }), cic)).toEqual([
        'credential_missing',
      ]);
    });
    it('a credential that may be earned after hire does not bar the match', () => {
      const listing = listingWith({ certifications: { required: ['CPC'], requiredWithinDays: 180 } });
      expect(codes(listing, profileWith({ credentials: [] }))).toEqual([]);
    });
    it('preferred credentials never bar a match', () => {
      expect(
        codes(listingWith({ certifications: { preferred: ['CRC'] } }), profileWith({ credentials: [] })),
      ).toEqual([]);
    });
    it('says when an "or equivalent" listing found no accepted equivalent', () => {
      const listing = listingWith({ certifications: { required: ['CPC'], equivalentAccepted: true } });
      expect(check(listing, profileWith({ credentials: ['CPB'] })).missing).toEqual([
        {
          code: 'credential_missing',
          text: 'Requires CPC or equivalent: you hold neither it nor an accepted equivalent',
        },
      ]);
    });
  });

  describe('pay', () => {
    const wants48k = profileWith({ minPay: { amount: 48_000, period: 'year' } });
    it('rejects stated pay clearly below the minimum (top of range under 90%)', () => {
      expect(check(listingWith({ salary: yearly(38_000, 42_000) }), wants48k).missing).toEqual([
        { code: 'pay_below_minimum', text: 'Pays $38-42K: below your $48K minimum' },
      ]);
    });
    it('keeps pay just under the minimum as a penalised match', () => {
      expect(codes(listingWith({ salary: yearly(40_000, 45_000) }), wants48k)).toEqual([]);
    });
    it('keeps listings that state no pay or pay per chart', () => {
      expect(codes(listingWith({ salary: null }), wants48k)).toEqual([]);
      const perChart = {
        min: 2,
        max: 3,
        period: 'chart' as const,
        currency: 'USD',
        annualMin: null,
        annualMax: null,
      };
      expect(codes(listingWith({ salary: perChart }), wants48k)).toEqual([]);
    });
    it('compares hourly pay with an annual minimum at 2,080 hours', () => {
      // $20/hr = $41,600 a year, under 90% of $48K; $22/hr = $45,760, just under.
      expect(codes(listingWith({ salary: hourly(18, 20) }), wants48k)).toEqual(['pay_below_minimum']);
      expect(codes(listingWith({ salary: hourly(21, 22) }), wants48k)).toEqual([]);
    });
  });

  it('reports every missing requirement, in a stable order', () => {
    const listing = listingWith({
      employer: 'Acme Billing',
      workMode: 'onsite',
      locations: [HOUSTON],
      certifications: { required: ['CCS'] },
      salary: yearly(30_000, 32_000),
      role: 'biller',
    });
    const profile = profileWith({
      excludeEmployers: ['Acme Billing'],
      roles: ['coder'],
      minPay: { amount: 50_000, period: 'year' },
    });
    expect(codes(listing, profile)).toEqual([
      'employer_excluded',
      'role_not_wanted',
      'outside_commute',
      'credential_missing',
      'pay_below_minimum',
    ]);
  });
});
