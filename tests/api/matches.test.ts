import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '#config';
import {
  checkEligibility,
  defaultEquivalenceRules,
  type CandidateProfile,
  type MatchableListing,
} from '#matching';
import {
  DALLAS,
  daysAgo,
  FORT_WORTH,
  HOUSTON,
  insertListings,
  PLANO,
  type ListingFacts,
} from '../support/listing-factory';
import { generateListings, generateProfiles } from '../support/synthetic-listings';
import { equivalenceRulesProvider } from '../../apps/api/src/matches/equivalence-rules.provider';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const remote = (facts: ListingFacts): ListingFacts => ({
  workMode: 'remote',
  remoteStates: null,
  remoteExcludedStates: [],
  locations: [DALLAS],
  specialties: ['profee'],
  postedAt: daysAgo(3),
  ...facts,
});

/** Each listing is there for one rule; the names say which. */
const MARKET: Record<string, ListingFacts> = {
  remoteForTexans: remote({
    title: 'Remote Profee Coder',
    employer: 'Bluebonnet Physicians',
    remoteStates: ['TX', 'OK'],
    certifications: { anyOf: [['CPC', 'CCS']] },
    salary: { min: 25, max: 30, period: 'hour', currency: 'USD', annualMin: 52_000, annualMax: 62_400 },
  }),
  remoteFloridaOnly: remote({
    title: 'Remote Coder (Florida)',
    employer: 'Gulf Coast Health',
    remoteStates: ['FL'],
  }),
  remoteNotTexas: remote({
    title: 'Remote Coder',
    employer: 'Pacific Billing',
    remoteExcludedStates: ['TX', 'CA'],
  }),
  onsitePlano: {
    title: 'Onsite Coder',
    employer: 'Prairie Clinic',
    workMode: 'onsite',
    locations: [PLANO],
    specialties: ['profee'],
    postedAt: daysAgo(5),
  },
  onsiteFortWorth: {
    title: 'Onsite Coder',
    employer: 'Trinity Orthopedics',
    workMode: 'onsite',
    locations: [FORT_WORTH],
    specialties: ['profee'],
    postedAt: daysAgo(5),
  },
  onsiteHouston: {
    title: 'Onsite Coder',
    employer: 'Bayou Medical',
    workMode: 'onsite',
    locations: [HOUSTON],
    specialties: ['profee'],
    postedAt: daysAgo(5),
  },
  onsiteUnplaced: {
    title: 'Onsite Biller',
    employer: 'Somewhere Clinic',
    workMode: 'onsite',
    locations: [],
    specialties: ['profee'],
    postedAt: daysAgo(5),
  },
  hybridHoustonAndPlano: {
    title: 'Hybrid Coder',
    employer: 'Two City Health',
    workMode: 'hybrid',
    // The nearby place is the second one: the pre-filter must look at every location.
    locations: [HOUSTON, PLANO],
    specialties: ['profee'],
    postedAt: daysAgo(6),
  },
  needsCcs: remote({
    title: 'Inpatient Coder',
    employer: 'Summit Hospital',
    certifications: { required: ['CCS'] },
  }),
  needsRhit: remote({
    title: 'HIM Coder',
    employer: 'Records Partners',
    certifications: { required: ['RHIT'] },
  }),
  needsCpcApprenticesWelcome: remote({
    title: 'Coder I',
    employer: 'Keystone Coding',
    certifications: { required: ['CPC'], apprenticeAccepted: true },
  }),
  underpaid: remote({
    title: 'Coder Trainee',
    employer: 'Budget Billing',
    salary: { min: 12, max: 13, period: 'hour', currency: 'USD', annualMin: 24_960, annualMax: 27_040 },
  }),
  leftOutEmployer: remote({ title: 'Remote Coder', employer: 'Lakeside Health System' }),
  closedButPerfect: remote({ title: 'Remote Coder', employer: 'Gone Clinic', status: 'closed' }),
};

const BIG_EMPLOYER: ListingFacts[] = Array.from({ length: 5 }, (_, i) =>
  remote({ title: `Profee Coder ${i + 1}`, employer: 'Big Health Network', postedAt: daysAgo(1) }),
);

const PROFILE = {
  credentials: ['CPC', 'RHIA'],
  specialties: [{ specialty: 'profee', years: 4 }],
  roles: ['coder'],
  yearsExperience: 5,
  workMode: 'any',
  homePostalCode: '75201',
  commuteMiles: 25,
  stateOfResidence: 'TX',
  minPay: { amount: 20, period: 'hour' },
  excludeEmployers: ['Lakeside'],
};

interface Match {
  listing: { id: string; title: string; employer: string };
  score: number;
  eligible: boolean;
  missing: { code: string; text: string }[];
  parts: Record<string, number>;
  reasons: { code: string; text: string; effect: string }[];
}

let db: TestDatabase;
let t: TestApp;
const nameOf: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTestApp(db.url, { MATCH_EMPLOYER_CAP: '2' });
  const names = Object.keys(MARKET);
  const rows = await insertListings(db.ds, [...names.map((n) => MARKET[n]), ...BIG_EMPLOYER]);
  rows.forEach((r, i) => (nameOf[r.id] = names[i] ?? `big${i - names.length + 1}`));
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

async function matches(
  body: Record<string, unknown>,
): Promise<{ items: Match[]; nextCursor: string | null }> {
  const res = await request(t.server).post('/api/v1/matches').send(body);
  if (res.status !== 200) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
const named = (items: Match[]) => items.map((m) => nameOf[m.listing.id]);

describe('POST /api/v1/matches: eligibility through the SQL pre-filter', () => {
  it('returns exactly the listings the candidate can take', async () => {
    const { items } = await matches({ profile: PROFILE, limit: 50 });
    expect(items.every((m) => m.eligible && m.missing.length === 0)).toBe(true);
    expect(named(items).sort()).toEqual(
      [
        'remoteForTexans',
        'onsitePlano',
        'hybridHoustonAndPlano',
        'needsRhit',
        'needsCpcApprenticesWelcome',
        'big1',
        'big2',
        'big3',
        'big4',
        'big5',
      ].sort(),
    );
  });

  it('orders by score, best first, with scores 0-100 and parts 0-1', async () => {
    const { items } = await matches({ profile: PROFILE, limit: 50 });
    for (const m of items) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
      for (const part of Object.values(m.parts)) expect(part).toBeGreaterThanOrEqual(0);
    }
    // The employer cap only moves some of one employer's listings down; the others are in score order.
    const others = items.filter((m) => m.listing.employer !== 'Big Health Network').map((m) => m.score);
    expect(others).toEqual([...others].sort((a, b) => b - a));
  });

  it('explains in words: remote state rule, commute, credentials and the equivalence rule used', async () => {
    const { items } = await matches({ profile: PROFILE, limit: 50 });
    const byName = Object.fromEntries(items.map((m) => [nameOf[m.listing.id], m]));
    const texts = (name: string) => byName[name].reasons.map((r) => r.text);
    expect(texts('remoteForTexans')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Remote for residents of TX or OK: you live in TX/)]),
    );
    expect(texts('remoteForTexans')).toEqual(expect.arrayContaining([expect.stringMatching(/you hold CPC/)]));
    expect(texts('onsitePlano')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Onsite in Plano, TX: 1\d miles from home, within your 25/),
      ]),
    );
    expect(texts('hybridHoustonAndPlano')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Plano, TX \(nearest of 2 locations\)/)]),
    );
    expect(texts('needsRhit')).toEqual(
      expect.arrayContaining([expect.stringMatching(/your RHIA is accepted \(RHIA meets RHIT\)/)]),
    );
  });

  it('never shows closed listings or an employer left out, even as a stretch', async () => {
    const { items } = await matches({ profile: PROFILE, stretch: true, limit: 50 });
    expect(named(items)).not.toContain('closedButPerfect');
    expect(named(items)).not.toContain('leftOutEmployer');
  });

  it('stretch adds near misses, marked with what is missing', async () => {
    const { items } = await matches({ profile: PROFILE, stretch: true, limit: 50 });
    const byName = Object.fromEntries(items.map((m) => [nameOf[m.listing.id], m]));
    expect(byName.needsCcs).toMatchObject({
      eligible: false,
      missing: [{ code: 'credential_missing', text: 'Requires CCS: you do not hold it' }],
    });
    expect(byName.onsiteFortWorth.eligible).toBe(false);
    expect(byName.onsiteFortWorth.missing[0]).toMatchObject({ code: 'outside_commute' });
    expect(byName.onsiteFortWorth.missing[0].text).toMatch(/beyond your 25-mile radius/);
    expect(byName.underpaid.missing[0].code).toBe('pay_below_minimum');
    // Near misses only: a remote job for Floridians or one closed to Texans is not a stretch.
    expect(byName.remoteFloridaOnly).toBeUndefined();
    expect(byName.remoteNotTexas).toBeUndefined();
    expect(byName.onsiteHouston).toBeUndefined();
    // Every eligible match is still there.
    expect(items.filter((m) => m.eligible)).toHaveLength(10);
  });

  it('remote-only candidates get remote listings their state may take', async () => {
    const { items } = await matches({ profile: { ...PROFILE, workMode: 'remote_only' }, limit: 50 });
    expect(named(items)).not.toContain('onsitePlano');
    expect(named(items)).not.toContain('hybridHoustonAndPlano');
    expect(named(items)).toContain('remoteForTexans');
    // A Floridian sees the Florida role and the one that only leaves out TX and CA.
    const fl = await matches({
      profile: { ...PROFILE, workMode: 'remote_only', stateOfResidence: 'FL', homePostalCode: undefined },
      limit: 50,
    });
    expect(named(fl.items)).toEqual(expect.arrayContaining(['remoteFloridaOnly', 'remoteNotTexas']));
    expect(named(fl.items)).not.toContain('remoteForTexans');
  });

  it('open to relocation: onsite and hybrid roles anywhere, placed or not, nearby ones first', async () => {
    const { items } = await matches({ profile: { ...PROFILE, openToRelocation: true }, limit: 50 });
    expect(items.every((m) => m.eligible)).toBe(true);
    expect(named(items)).toEqual(
      expect.arrayContaining(['onsitePlano', 'onsiteFortWorth', 'onsiteHouston', 'onsiteUnplaced']),
    );
    const byName = Object.fromEntries(items.map((m) => [nameOf[m.listing.id], m]));
    expect(byName.onsiteHouston.reasons.map((r) => r.text)).toContainEqual(
      expect.stringMatching(/^Onsite in Houston, TX: 22\d miles from home: you are open to relocating$/),
    );
    expect(byName.onsitePlano.parts.workModeLocation).toBeGreaterThan(
      byName.onsiteHouston.parts.workModeLocation,
    );
    // Remote rules and the other constraints still hold.
    expect(named(items)).not.toContain('remoteFloridaOnly');
    expect(named(items)).not.toContain('needsCcs');
    // No home needed to move anywhere.
    const homeless = await matches({
      profile: { ...PROFILE, openToRelocation: true, homePostalCode: undefined },
      limit: 50,
    });
    expect(named(homeless.items)).toEqual(expect.arrayContaining(['onsiteHouston', 'onsiteUnplaced']));
  });

  it('a wider commute reaches further; a home that cannot be placed reaches no onsite role', async () => {
    const wide = await matches({ profile: { ...PROFILE, commuteMiles: 40 }, limit: 50 });
    expect(named(wide.items)).toContain('onsiteFortWorth');
    const nowhere = await matches({ profile: { ...PROFILE, homePostalCode: '00000' }, limit: 50 });
    expect(named(nowhere.items)).not.toContain('onsitePlano');
    expect(named(nowhere.items)).toContain('remoteForTexans');
  });

  it('a CPC-A meets "CPC required" only where apprentices are welcome', async () => {
    const { items } = await matches({
      profile: { ...PROFILE, credentials: ['CPC-A'] },
      stretch: true,
      limit: 50,
    });
    const byName = Object.fromEntries(items.map((m) => [nameOf[m.listing.id], m]));
    expect(byName.needsCpcApprenticesWelcome.eligible).toBe(true);
    expect(byName.needsCpcApprenticesWelcome.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/your CPC-A is accepted \(apprentices welcome here\)/)]),
    );
    // remoteForTexans needs one of CPC or CCS and does not welcome apprentices.
    expect(byName.remoteForTexans.eligible).toBe(false);
    expect(byName.remoteForTexans.missing[0].code).toBe('credential_group_missing');
  });
});

describe('POST /api/v1/matches: the first page and paging', () => {
  it('caps one employer on the first page (MATCH_EMPLOYER_CAP=2)', async () => {
    const { items, nextCursor } = await matches({ profile: PROFILE, limit: 5 });
    expect(items).toHaveLength(5);
    expect(items.filter((m) => m.listing.employer === 'Big Health Network')).toHaveLength(2);
    expect(nextCursor).not.toBeNull();
  });

  it('pages with nextCursor and offset to the same list', async () => {
    const whole = named((await matches({ profile: PROFILE, limit: 5, offset: 0 })).items);
    const first = await matches({ profile: PROFILE, limit: 5 });
    const second = await matches({ profile: PROFILE, limit: 5, cursor: first.nextCursor });
    const byOffset = await matches({ profile: PROFILE, limit: 5, offset: 5 });
    expect(named(first.items)).toEqual(whole);
    expect(named(second.items)).toEqual(named(byOffset.items));
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...named(first.items), ...named(second.items)]).size).toBe(10);
  });

  it.each([
    [{ profile: { ...PROFILE, stateOfResidence: 'XX' } }, 'body.profile.stateOfResidence'],
    [{ profile: PROFILE, limit: 0 }, 'body.limit'],
    [{ profile: PROFILE, stretch: 'yes' }, 'body.stretch'],
    [{}, 'body.profile'],
  ])('400 names the field: %#', async (body, field) => {
    const res = await request(t.server).post('/api/v1/matches').send(body);
    expect(res.status).toBe(400);
    expect((res.body.error.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });

  it('400 for a garbled cursor', async () => {
    const res = await request(t.server).post('/api/v1/matches').send({ profile: PROFILE, cursor: 'zzz' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });
});

describe('credential equivalence rules come from a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coderjobs-rules-'));

  it('CREDENTIAL_EQUIVALENCES_FILE replaces the shipped rules, and matches name the rule used', async () => {
    const file = join(dir, 'rules.json');
    writeFileSync(
      file,
      JSON.stringify({
        rules: [
          {
            id: 'ccs-for-rhit',
            label: 'our CCS-for-RHIT rule',
            holds: 'CCS',
            satisfies: ['RHIT'],
            condition: 'always',
          },
        ],
      }),
    );
    const custom = await createTestApp(db.url, { CREDENTIAL_EQUIVALENCES_FILE: file });
    try {
      const profile = { ...PROFILE, credentials: ['CCS'] };
      const res = await request(custom.server).post('/api/v1/matches').send({ profile, limit: 50 });
      const rhit = (res.body.items as Match[]).find((m) => nameOf[m.listing.id] === 'needsRhit');
      expect(rhit?.reasons.map((r) => r.text)).toEqual(
        expect.arrayContaining([expect.stringMatching(/your CCS is accepted \(our CCS-for-RHIT rule\)/)]),
      );
      // The shipped "RHIA meets RHIT" rule is gone with the override.
      const rhia = await request(custom.server)
        .post('/api/v1/matches')
        .send({ profile: { ...PROFILE, credentials: ['RHIA'] }, limit: 50 });
      expect(named(rhia.body.items)).not.toContain('needsRhit');
    } finally {
      await custom.close();
    }
  });

  it('a bad rules file stops the API at boot with a message naming the rule', () => {
    // Asked of the provider itself: a module that fails half-way through booting leaves the
    // connections it already opened behind, which would keep the test process alive.
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        rules: [{ id: 'x', label: 'broken', holds: 'CPX', satisfies: ['CPC'], condition: 'always' }],
      }),
    );
    const config = loadConfig({ CREDENTIAL_EQUIVALENCES_FILE: file });
    const factory = (equivalenceRulesProvider as { useFactory: (c: typeof config) => unknown }).useFactory;
    expect(() => factory(config)).toThrow(/rule #1 \("x"\): holds: unknown credential "CPX"/);
    expect(Array.isArray(factory(loadConfig({})))).toBe(true);
  });
});

describe('GET /api/v1/candidates/:id/matches', () => {
  it('matches a saved profile with its token', async () => {
    const created = await request(t.server).post('/api/v1/candidates').send(PROFILE);
    const { id, token } = created.body as { id: string; token: string };
    const res = await request(t.server)
      .get(`/api/v1/candidates/${id}/matches`)
      .query({ limit: 50, stretch: 'true' })
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const inline = await matches({ profile: PROFILE, limit: 50, stretch: true });
    expect(named(res.body.items)).toEqual(named(inline.items));
  });
});

describe('the pre-filter never drops a listing the core accepts', () => {
  let market: TestDatabase;
  let app: TestApp;
  const listings: MatchableListing[] = [];

  beforeAll(async () => {
    market = await createTestDatabase();
    app = await createTestApp(market.url);
    // 100 varied open listings: fewer than the pool, so the pool is exactly what the SQL lets through.
    const facts: ListingFacts[] = [];
    for (const { id: _id, evidence: _evidence, ...l } of generateListings(11, 100, {
      referenceDate: new Date(),
    })) {
      facts.push(l);
    }
    const rows = await insertListings(market.ds, facts);
    rows.forEach((row, i) =>
      listings.push({
        ...facts[i],
        id: row.id,
        employer: facts[i].employer ?? null,
      } as MatchableListing),
    );
  });

  afterAll(async () => {
    await app?.close();
    await market?.drop();
  });

  it('for a spread of candidate profiles', async () => {
    const rules = defaultEquivalenceRules();
    let compared = 0;
    for (const { home: _home, ...profile } of generateProfiles(5, 25)) {
      const res = await request(app.server).post('/api/v1/matches').send({ profile, limit: 100 });
      expect(res.status).toBe(200);
      const withHome: CandidateProfile = { ...(profile as CandidateProfile), home: res.body.home };
      const expected = listings.filter((l) => checkEligibility(l, withHome, rules).eligible).map((l) => l.id);
      const got = (res.body.items as Match[]).map((m) => m.listing.id);
      expect(got.sort()).toEqual(expected.sort());
      compared += expected.length;
    }
    // The profiles must actually match things for the comparison to mean anything.
    expect(compared).toBeGreaterThan(50);
  });
});
