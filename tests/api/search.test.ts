import request from 'supertest';
import {
  DALLAS,
  daysAgo,
  HOUSTON,
  insertListings,
  PLANO,
  TULSA,
  hourly,
  yearly,
  type ListingFacts,
} from '../support/listing-factory';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A small market where each listing is there to prove one filter right or wrong. */
const LISTINGS: Record<string, ListingFacts> = {
  remoteProfee: {
    title: 'Remote Medical Coder II',
    employer: 'Optum Health',
    role: 'coder',
    certifications: { anyOf: [['CPC', 'CCS']], preferred: ['CRC'] },
    specialties: ['profee', 'em'],
    codingSystems: ['ICD-10-CM', 'CPT'],
    workMode: 'remote',
    remoteStates: ['TX', 'OK', 'AR'],
    locations: [DALLAS],
    salary: hourly(24, 29),
    employmentType: 'full_time',
    postedAt: daysAgo(2),
    descriptionText:
      'Assign ICD-10-CM and CPT codes for physician office visits. Risk adjustment experience a plus.',
  },
  inpatientDallas: {
    title: 'Inpatient Coding Specialist',
    employer: 'Lakeside Regional Medical Center',
    role: 'coder',
    certifications: { required: ['CCS'] },
    specialties: ['inpatient'],
    codingSystems: ['ICD-10-PCS', 'DRG'],
    workMode: 'onsite',
    locations: [DALLAS],
    salary: yearly(62_000, 74_000),
    employmentType: 'full_time',
    postedAt: daysAgo(10),
    descriptionText: 'Code acute inpatient hospital stays with ICD-10-PCS and MS-DRG.',
  },
  billerTulsa: {
    title: 'Medical Biller',
    employer: 'Summit Billing Partners',
    role: 'biller',
    certifications: { preferred: ['CPB'] },
    specialties: ['general'],
    codingSystems: [],
    workMode: 'hybrid',
    locations: [TULSA],
    salary: hourly(18, 22),
    employmentType: 'part_time',
    postedAt: daysAgo(40),
    descriptionText: 'Post payments, work denials and AR follow-up for a physician group.',
  },
  riskAdjustment: {
    title: 'Risk Adjustment Coder',
    employer: 'Bluebonnet Health Plan',
    role: 'coder',
    certifications: { required: ['CRC'] },
    specialties: ['risk_adjustment'],
    codingSystems: ['ICD-10-CM', 'HCC'],
    workMode: 'remote',
    remoteStates: null,
    remoteExcludedStates: ['CA', 'NY'],
    locations: [HOUSTON],
    salary: yearly(55_000, 65_000),
    employmentType: 'contract',
    postedAt: daysAgo(1),
    descriptionText: 'Review charts for HCC capture. Remote, not open to residents of CA or NY.',
  },
  auditorCalifornia: {
    title: 'Coding Auditor',
    employer: 'Optum Health',
    role: 'auditor',
    certifications: { required: ['CPMA'], anyOf: [['CPC', 'CCS']] },
    specialties: ['outpatient'],
    codingSystems: ['CPT'],
    workMode: 'remote',
    remoteStates: ['CA'],
    locations: [],
    salary: yearly(80_000, 95_000),
    employmentType: 'full_time',
    postedAt: daysAgo(5),
    descriptionText: 'Audit outpatient coding accuracy for hospital outpatient and profee services.',
  },
  emergencyFlorida: {
    title: 'Emergency Department Coder',
    employer: 'Harbor Emergency Physicians',
    role: 'coder',
    certifications: { required: ['CPC'] },
    specialties: ['emergency'],
    codingSystems: ['ICD-10-CM', 'CPT'],
    workMode: 'remote',
    remoteStates: ['FL'],
    locations: [],
    salary: null,
    employmentType: 'full_time',
    postedAt: daysAgo(3),
    descriptionText: 'Code ED facility and profee charts. Hospital based emergency group.',
  },
  accountsPlano: {
    title: 'Patient Account Representative',
    employer: 'Prairie Physicians Group',
    role: 'ar_denials',
    certifications: {},
    specialties: ['profee'],
    codingSystems: [],
    workMode: 'onsite',
    locations: [PLANO],
    salary: hourly(17, 21),
    employmentType: 'full_time',
    postedAt: daysAgo(20),
    descriptionText: 'Work denials and unpaid claims; call payers.',
  },
  closedCoder: {
    title: 'Medical Coder',
    employer: 'Closed Clinic',
    role: 'coder',
    status: 'closed',
    workMode: 'remote',
    postedAt: daysAgo(4),
    descriptionText: 'This coder role has been filled.',
  },
};

let db: TestDatabase;
let t: TestApp;
const idOf: Record<string, string> = {};
const nameOf: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTestApp(db.url);
  const names = Object.keys(LISTINGS);
  const rows = await insertListings(
    db.ds,
    names.map((n) => LISTINGS[n]),
  );
  rows.forEach((r, i) => {
    idOf[names[i]] = r.id;
    nameOf[r.id] = names[i];
  });
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

interface Page {
  items: { id: string; title: string }[];
  nextCursor: string | null;
  total?: number;
  facets?: Record<string, { value: string; count: number; label?: string }[]>;
}

async function search(query: Record<string, string | number | boolean>): Promise<Page> {
  const res = await request(t.server).get('/api/v1/listings').query(query);
  if (res.status !== 200) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Page;
}

/** Names of the listings a search returns, in order. */
async function names(query: Record<string, string | number | boolean>): Promise<string[]> {
  return (await search({ limit: 100, ...query })).items.map((i) => nameOf[i.id]);
}
const sorted = (a: string[]) => [...a].sort();

const OPEN = Object.keys(LISTINGS).filter((n) => LISTINGS[n].status !== 'closed');

describe('GET /api/v1/listings: status and default order', () => {
  it('lists open listings only, newest first', async () => {
    expect(await names({})).toEqual([
      'riskAdjustment',
      'remoteProfee',
      'emergencyFlorida',
      'auditorCalifornia',
      'inpatientDallas',
      'accountsPlano',
      'billerTulsa',
    ]);
  });

  it('shows closed listings only when status asks for them', async () => {
    expect(await names({ status: 'closed' })).toEqual(['closedCoder']);
    expect(sorted(await names({ status: 'all' }))).toEqual(sorted([...OPEN, 'closedCoder']));
  });

  it('keeps the closed listing out of text search too', async () => {
    expect(await names({ q: 'filled' })).toEqual([]);
    expect(await names({ q: 'filled', status: 'closed' })).toEqual(['closedCoder']);
  });

  it('answers one listing by id, and 404 for an unknown one', async () => {
    const res = await request(t.server).get(`/api/v1/listings/${idOf.remoteProfee}`);
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Remote Medical Coder II');
    const missing = await request(t.server).get('/api/v1/listings/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('LISTING_NOT_FOUND');
  });
});

describe('GET /api/v1/listings: filters', () => {
  it('role, one or several', async () => {
    expect(sorted(await names({ role: 'coder' }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas', 'riskAdjustment', 'emergencyFlorida']),
    );
    expect(sorted(await names({ role: 'biller,auditor' }))).toEqual(
      sorted(['billerTulsa', 'auditorCalifornia']),
    );
  });

  it('credential: listings that require or prefer it, any case', async () => {
    expect(sorted(await names({ credential: 'CRC' }))).toEqual(sorted(['remoteProfee', 'riskAdjustment']));
    expect(sorted(await names({ credential: 'ccs' }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas', 'auditorCalifornia']),
    );
    expect(sorted(await names({ credential: 'CPB,CPMA' }))).toEqual(
      sorted(['billerTulsa', 'auditorCalifornia']),
    );
  });

  it('specialty and coding system', async () => {
    expect(sorted(await names({ specialty: 'profee' }))).toEqual(sorted(['remoteProfee', 'accountsPlano']));
    expect(await names({ codingSystem: 'hcc' })).toEqual(['riskAdjustment']);
    expect(sorted(await names({ codingSystem: 'ICD-10-PCS,HCC' }))).toEqual(
      sorted(['inpatientDallas', 'riskAdjustment']),
    );
  });

  it('work mode', async () => {
    expect(sorted(await names({ workMode: 'onsite' }))).toEqual(sorted(['inpatientDallas', 'accountsPlano']));
    expect(sorted(await names({ workMode: 'hybrid,onsite' }))).toEqual(
      sorted(['inpatientDallas', 'accountsPlano', 'billerTulsa']),
    );
  });

  it('remoteEligibleFor: state lists and exclusions applied', async () => {
    // TX: listed by remoteProfee, open to all but CA/NY on riskAdjustment; not CA-only or FL-only roles.
    expect(sorted(await names({ remoteEligibleFor: 'TX' }))).toEqual(
      sorted(['remoteProfee', 'riskAdjustment']),
    );
    // CA: the CA-only auditor; riskAdjustment excludes CA.
    expect(await names({ remoteEligibleFor: 'ca' })).toEqual(['auditorCalifornia']);
    expect(sorted(await names({ remoteEligibleFor: 'FL' }))).toEqual(
      sorted(['riskAdjustment', 'emergencyFlorida']),
    );
    expect(await names({ remoteEligibleFor: 'NY' })).toEqual([]);
  });

  it('state: any location in it', async () => {
    expect(await names({ state: 'OK' })).toEqual(['billerTulsa']);
    expect(sorted(await names({ state: 'TX' }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas', 'riskAdjustment', 'accountsPlano']),
    );
  });

  it('near a ZIP code or "City, ST", within radiusMiles', async () => {
    // Plano is about 17 miles from downtown Dallas; Houston about 225; Tulsa about 235.
    expect(sorted(await names({ near: '75201', radiusMiles: 10 }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas']),
    );
    expect(sorted(await names({ near: '75201', radiusMiles: 25 }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas', 'accountsPlano']),
    );
    expect(sorted(await names({ near: 'Tulsa, OK' }))).toEqual(['billerTulsa']);
    expect(sorted(await names({ near: 'Houston, TX', radiusMiles: 235 }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas', 'riskAdjustment']),
    );
  });

  it('minPay: the top of the annualised range reaches it', async () => {
    // remoteProfee tops out at $29/hr = $60,320; riskAdjustment at $65K; inpatient $74K; auditor $95K.
    expect(sorted(await names({ minPay: 60_000 }))).toEqual(
      sorted(['remoteProfee', 'inpatientDallas', 'riskAdjustment', 'auditorCalifornia']),
    );
    expect(sorted(await names({ minPay: 70_000 }))).toEqual(sorted(['inpatientDallas', 'auditorCalifornia']));
  });

  it('employment type, posted within days, employer', async () => {
    expect(sorted(await names({ employmentType: 'part_time,contract' }))).toEqual(
      sorted(['billerTulsa', 'riskAdjustment']),
    );
    expect(sorted(await names({ postedWithinDays: 4 }))).toEqual(
      sorted(['riskAdjustment', 'remoteProfee', 'emergencyFlorida']),
    );
    expect(sorted(await names({ employer: 'optum' }))).toEqual(sorted(['remoteProfee', 'auditorCalifornia']));
    expect(await names({ employer: 'Regional Medical' })).toEqual(['inpatientDallas']);
    // LIKE wildcards in the employer text are literal.
    expect(await names({ employer: '%%' })).toEqual([]);
  });

  it('filters combine', async () => {
    expect(
      await names({ role: 'coder', remoteEligibleFor: 'TX', credential: 'CRC', minPay: 62_000 }),
    ).toEqual(['riskAdjustment']);
  });
});

describe('GET /api/v1/listings: text search', () => {
  it('matches title, employer and description', async () => {
    expect(sorted(await names({ q: 'auditor' }))).toEqual(['auditorCalifornia']);
    expect(sorted(await names({ q: 'bluebonnet' }))).toEqual(['riskAdjustment']);
    expect(sorted(await names({ q: 'payments' }))).toEqual(['billerTulsa']);
  });

  it('speaks web search syntax: phrases, exclusions and OR', async () => {
    expect(sorted(await names({ q: '"risk adjustment"' }))).toEqual(
      sorted(['riskAdjustment', 'remoteProfee']),
    );
    // "adjustment risk" as a phrase is nowhere.
    expect(await names({ q: '"adjustment risk"' })).toEqual([]);
    expect(sorted(await names({ q: 'coder -hospital' }))).toEqual(sorted(['remoteProfee', 'riskAdjustment']));
    expect(sorted(await names({ q: 'biller OR auditor' }))).toEqual(
      sorted(['billerTulsa', 'auditorCalifornia']),
    );
  });

  it('tolerates typos in titles and employer names when the words as typed find little', async () => {
    expect(sorted(await names({ q: 'optim' }))).toEqual(sorted(['remoteProfee', 'auditorCalifornia']));
    expect(await names({ q: 'medcal codr' })).toContain('remoteProfee');
    expect(await names({ q: 'Lakesde' })).toEqual(['inpatientDallas']);
    expect(await names({ q: 'Emergncy Departmnt' })).toEqual(['emergencyFlorida']);
  });

  it('still honours exclusions on typo matches', async () => {
    expect(await names({ q: 'optim -audit' })).toEqual(['remoteProfee']);
  });

  it('says which query it ran when it corrected one', async () => {
    const res = await request(t.server).get('/api/v1/listings').query({ q: 'medcal codr -audit' });
    expect(res.body.correctedQuery).toBe('medical coder -audit');
    const asTyped = await request(t.server).get('/api/v1/listings').query({ q: 'medical coder' });
    expect(asTyped.body.correctedQuery).toBeUndefined();
  });

  it('leaves known words and quoted phrases as typed', async () => {
    // "coder" is a word of the listings, so no look-alike ("Coding") is put in its place.
    expect(await names({ q: 'coder' })).not.toContain('inpatientDallas');
    // A quoted phrase asks for exactly that, even when it finds nothing.
    expect(await names({ q: '"Lakesde"' })).toEqual([]);
  });

  it('ranks title matches above description-only matches', async () => {
    const order = await names({ q: 'coder' });
    // Titles with "coder" first; emergencyFlorida ("Coder" in the title) before descriptions only.
    expect(order.slice(0, 3).sort()).toEqual(sorted(['remoteProfee', 'riskAdjustment', 'emergencyFlorida']));
  });

  it('takes text and filters together', async () => {
    expect(await names({ q: 'coder', remoteEligibleFor: 'FL' })).toEqual(
      expect.arrayContaining(['riskAdjustment', 'emergencyFlorida']),
    );
    expect(await names({ q: 'coder', remoteEligibleFor: 'FL', credential: 'CPC' })).toEqual([
      'emergencyFlorida',
    ]);
  });
});

describe('GET /api/v1/listings: facets', () => {
  it('counts the filtered set', async () => {
    const page = await search({ facets: true, state: 'TX' });
    const f = page.facets as NonNullable<Page['facets']>;
    expect(f.role).toEqual([
      { value: 'coder', count: 3 },
      { value: 'ar_denials', count: 1 },
    ]);
    expect(f.workMode).toEqual([
      { value: 'onsite', count: 2 },
      { value: 'remote', count: 2 },
    ]);
    expect(f.state).toEqual([{ value: 'TX', count: 4 }]);
    expect(f.credential).toEqual(
      expect.arrayContaining([
        { value: 'CCS', count: 2 },
        { value: 'CRC', count: 2 },
        { value: 'CPC', count: 1 },
      ]),
    );
    expect(f.specialty).toEqual(expect.arrayContaining([{ value: 'profee', count: 2 }]));
    expect(f.employmentType).toEqual([
      { value: 'full_time', count: 3 },
      { value: 'contract', count: 1 },
    ]);
    // Tops: $60,320 (50-60K? no: 60-75K), $74K, $65K, $43,680.
    expect(f.pay.map((b) => [b.value, b.count])).toEqual([
      ['under_40k', 0],
      ['40k_50k', 1],
      ['50k_60k', 0],
      ['60k_75k', 3],
      ['75k_plus', 0],
      ['not_stated', 0],
    ]);
    expect(f.pay[0].label).toBe('Under $40K');
  });

  it('counts with a text query, and is absent unless asked', async () => {
    const page = await search({ facets: true, q: 'coder OR biller' });
    expect(page.facets?.role).toEqual([
      { value: 'coder', count: 3 },
      { value: 'biller', count: 1 },
    ]);
    const typo = await search({ facets: true, q: 'optim' });
    expect(typo.facets?.role).toEqual([
      { value: 'auditor', count: 1 },
      { value: 'coder', count: 1 },
    ]);
    expect((await search({})).facets).toBeUndefined();
  });

  it('says how many listings the search finds, over all its pages', async () => {
    const queries: Record<string, string>[] = [
      { state: 'TX' },
      { q: 'coder OR biller' },
      { workMode: 'remote' },
      {},
    ];
    for (const query of queries) {
      const all = await search({ ...query, limit: 100 });
      const first = await search({ ...query, facets: true, limit: 2 });
      expect(first.total).toBe(all.items.length);
    }
    expect((await search({ state: 'TX' })).total).toBeUndefined();
  });
});

describe('GET /api/v1/listings: cursor paging', () => {
  async function allPages(query: Record<string, string | number>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Page = await search({ ...query, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => nameOf[x.id]));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return seen;
  }

  it.each([
    ['newest', {}],
    ['pay', { sort: 'pay' }],
    ['relevance', { q: 'coder OR biller OR auditor OR representative OR specialist' }],
    ['relevance with a filter', { q: 'coder', sort: 'relevance', role: 'coder' }],
  ])('pages through %s without gaps or repeats', async (_name, query) => {
    const whole = await names(query as Record<string, string>);
    const paged = await allPages(query as Record<string, string>);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('orders by pay, highest top of range first, no pay last', async () => {
    expect(await names({ sort: 'pay' })).toEqual([
      'auditorCalifornia',
      'inpatientDallas',
      'riskAdjustment',
      'remoteProfee',
      'billerTulsa',
      'accountsPlano',
      'emergencyFlorida',
    ]);
  });

  it('refuses a cursor from another sort, and a garbled one', async () => {
    const first = await search({ limit: 2 });
    const wrong = await request(t.server)
      .get('/api/v1/listings')
      .query({ limit: 2, sort: 'pay', cursor: first.nextCursor as string });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('INVALID_CURSOR');
    const garbled = await request(t.server).get('/api/v1/listings').query({ cursor: 'not-a-cursor' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error).toMatchObject({
      code: 'INVALID_CURSOR',
      details: [{ field: 'query.cursor' }],
    });
  });
});

describe('GET /api/v1/listings: bad input names the field', () => {
  it.each([
    [{ role: 'codr' }, 'query.role', /unknown value "codr"/],
    [{ credential: 'CPX' }, 'query.credential', /unknown value "CPX"/],
    [{ workMode: 'remote,office' }, 'query.workMode', /"office"/],
    [{ remoteEligibleFor: 'Texas' }, 'query.remoteEligibleFor', /two-letter/],
    [{ limit: 0 }, 'query.limit', /at least 1/],
    [{ limit: 'many' }, 'query.limit', /number/],
    [{ minPay: 25 }, 'query.minPay', /at least 10000/],
    [{ sort: 'salary' }, 'query.sort', /relevance/],
    [{ near: 'somewhere' }, 'query.near', /ZIP/],
    [{ radiusMiles: 10 }, 'query.radiusMiles', /needs near/],
    [{ near: '75201', radiusMiles: 900 }, 'query.radiusMiles', /at most 250/],
    [{ facets: 'yes' }, 'query.facets', /true or false/],
    [{ rol: 'coder' }, 'query.rol', /unknown parameter/],
    [{ q: 'x'.repeat(201) }, 'query.q', /200/],
  ])('%j -> 400 naming %s', async (query, field, message) => {
    const res = await request(t.server).get('/api/v1/listings').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const detail = (res.body.error.details as { field: string; message: string }[]).find(
      (d) => d.field === field,
    );
    expect(detail?.message).toMatch(message);
  });

  it('a ZIP code that places nowhere is a 400 on near', async () => {
    const res = await request(t.server).get('/api/v1/listings').query({ near: '00000' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'query.near', message: expect.stringMatching(/could not place/) },
    ]);
  });

  it('treats hostile text as text', async () => {
    const res = await request(t.server)
      .get('/api/v1/listings')
      .query({ q: '\'; DROP TABLE listings; -- " OR 1=1', employer: "O'Brien %_\\" });
    expect(res.status).toBe(200);
    expect((await search({})).items.length).toBe(7);
  });
});
