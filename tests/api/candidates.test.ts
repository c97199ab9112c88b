import request from 'supertest';
import { CandidateEntity } from '#persistence';
import { hashCandidateToken } from '../../apps/api/src/candidates/candidate-token';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTestApp(db.url);
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const PROFILE = {
  credentials: ['CPC', 'CRC'],
  specialties: [{ specialty: 'profee', years: 4 }],
  roles: ['coder'],
  yearsExperience: 5,
  workMode: 'remote_or_hybrid',
  homePostalCode: '75201',
  commuteMiles: 30,
  stateOfResidence: 'tx',
  minPay: { amount: 24, period: 'hour' },
};

async function create(profile: Record<string, unknown> = PROFILE) {
  const res = await request(t.server).post('/api/v1/candidates').send(profile);
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string; profile: Record<string, unknown>; home: unknown };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('POST /api/v1/candidates', () => {
  it('saves the validated profile, places the home, and hands out a token once', async () => {
    const created = await create();
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Defaults applied, state upper-cased.
    expect(created.profile).toMatchObject({
      stateOfResidence: 'TX',
      employmentTypes: [],
      excludeEmployers: [],
    });
    expect(created.home).toEqual({ lat: expect.any(Number), lon: expect.any(Number) });

    const row = await db.ds.getRepository(CandidateEntity).findOneByOrFail({ id: created.id });
    // Only the hash is stored: the token itself appears nowhere in the row.
    expect(row.tokenHash).toBe(hashCandidateToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.state).toBe('TX');
    expect(row.homeLat).toBeCloseTo(32.79, 1);

    const read = await request(t.server).get(`/api/v1/candidates/${created.id}`).set(bearer(created.token));
    expect(read.status).toBe(200);
    expect(read.body.token).toBeUndefined();
  });

  it('keeps "open to relocation", which makes a home optional', async () => {
    const { homePostalCode: _home, ...noHome } = PROFILE;
    const created = await create({ ...noHome, workMode: 'any', openToRelocation: true });
    expect(created.profile).toMatchObject({ openToRelocation: true });
    const read = await request(t.server).get(`/api/v1/candidates/${created.id}`).set(bearer(created.token));
    expect(read.body.profile.openToRelocation).toBe(true);
    const refused = await request(t.server)
      .post('/api/v1/candidates')
      .send({ ...PROFILE, openToRelocation: 'sure' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('body.openToRelocation');
  });

  it('gives every profile its own token', async () => {
    const a = await create();
    const b = await create();
    expect(a.token).not.toBe(b.token);
  });

  it('warns when the home cannot be placed, and still saves', async () => {
    const created = await create({ ...PROFILE, homePostalCode: '00000' });
    expect(created.home).toBeNull();
    const read = await request(t.server).get(`/api/v1/candidates/${created.id}`).set(bearer(created.token));
    expect(read.body.warnings[0]).toMatch(/could not be placed/);
  });

  it.each([
    [{ ...PROFILE, stateOfResidence: 'Texas' }, 'body.stateOfResidence', /two-letter/],
    [{ ...PROFILE, credentials: ['CPX'] }, 'body.credentials.0', /unknown credential "CPX"/],
    [{ ...PROFILE, yearsExperience: undefined }, 'body.yearsExperience', /required/],
    [{ ...PROFILE, commuteMiles: 900 }, 'body.commuteMiles', /250 or less/],
    [{ ...PROFILE, homePostalCode: undefined }, 'body.homePostalCode', /required unless workMode/],
    [{ ...PROFILE, minPay: { amount: 2, period: 'hour' } }, 'body.minPay.amount', /between 5 and 500/],
  ])('400 names the field (%#)', async (body, field, message) => {
    const res = await request(t.server).post('/api/v1/candidates').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const detail = (res.body.error.details as { field: string; message: string }[]).find(
      (d) => d.field === field,
    );
    expect(detail?.message).toMatch(message);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await request(t.server)
      .post('/api/v1/candidates')
      .set('Content-Type', 'application/json')
      .send('{"credentials": [');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('token access on every read and write', () => {
  let owner: Awaited<ReturnType<typeof create>>;
  let other: Awaited<ReturnType<typeof create>>;

  beforeAll(async () => {
    owner = await create();
    other = await create({ ...PROFILE, stateOfResidence: 'OK', homePostalCode: '74103' });
  });

  const calls = (id: string) => [
    request(t.server).get(`/api/v1/candidates/${id}`),
    request(t.server).patch(`/api/v1/candidates/${id}`).send({ commuteMiles: 10 }),
    request(t.server).delete(`/api/v1/candidates/${id}`),
    request(t.server).get(`/api/v1/candidates/${id}/matches`),
  ];

  it('401 without a bearer token, or with a malformed header', async () => {
    for (const call of calls(owner.id)) {
      const res = await call;
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({
        code: 'UNAUTHORIZED',
        message: 'missing Authorization: Bearer <candidate token>',
      });
    }
    const basic = await request(t.server)
      .get(`/api/v1/candidates/${owner.id}`)
      .set('Authorization', 'Basic abc');
    expect(basic.status).toBe(401);
  });

  it("403 with another candidate's token, on every call", async () => {
    for (const call of calls(owner.id)) {
      const res = await call.set(bearer(other.token));
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        code: 'FORBIDDEN',
        message: `this token does not open candidate ${owner.id}`,
      });
    }
    // Nothing was changed or deleted by those calls.
    const read = await request(t.server).get(`/api/v1/candidates/${owner.id}`).set(bearer(owner.token));
    expect(read.status).toBe(200);
    expect(read.body.profile.commuteMiles).toBe(30);
  });

  it('an unknown id answers exactly as a wrong token does, so existence does not leak', async () => {
    const unknown = await request(t.server).get(`/api/v1/candidates/${UNKNOWN_ID}`).set(bearer(other.token));
    const wrong = await request(t.server).get(`/api/v1/candidates/${owner.id}`).set(bearer(other.token));
    expect(unknown.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect(unknown.body.error.code).toBe(wrong.body.error.code);
    expect(unknown.body.error.message.replace(UNKNOWN_ID, 'ID')).toBe(
      wrong.body.error.message.replace(owner.id, 'ID'),
    );
  });

  it('400 for an id that is not a UUID', async () => {
    const res = await request(t.server).get('/api/v1/candidates/42').set(bearer(owner.token));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'params.id', message: 'id must be a UUID' }]);
  });
});

describe('OpenAPI', () => {
  it('documents every search, candidate and match endpoint with an example', async () => {
    const res = await request(t.server).get('/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, Record<string, unknown>>>;
    const ops: [string, string][] = [
      ['/api/v1/listings', 'get'],
      ['/api/v1/candidates', 'post'],
      ['/api/v1/candidates/{id}', 'get'],
      ['/api/v1/candidates/{id}', 'patch'],
      ['/api/v1/candidates/{id}', 'delete'],
      ['/api/v1/matches', 'post'],
      ['/api/v1/candidates/{id}/matches', 'get'],
    ];
    for (const [path, method] of ops) {
      const op = paths[path]?.[method];
      expect(op).toBeDefined();
      const text = JSON.stringify(op);
      if (method !== 'delete') expect(text).toContain('"example"');
    }
    const search = paths['/api/v1/listings'].get as { parameters: { name: string }[] };
    expect(search.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'role',
        'credential',
        'remoteEligibleFor',
        'near',
        'radiusMiles',
        'sort',
        'facets',
        'cursor',
      ]),
    );
    const body = JSON.stringify(paths['/api/v1/matches'].post);
    expect(body).toContain('stateOfResidence');
  });
});

describe('PATCH and DELETE /api/v1/candidates/:id', () => {
  it('merges fields over the saved profile, validates the whole, and re-places the home', async () => {
    const c = await create();
    const res = await request(t.server)
      .patch(`/api/v1/candidates/${c.id}`)
      .set(bearer(c.token))
      .send({ commuteMiles: 40, minPay: null, homePostalCode: '74103', stateOfResidence: 'OK' });
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({
      commuteMiles: 40,
      credentials: ['CPC', 'CRC'],
      stateOfResidence: 'OK',
    });
    expect(res.body.profile.minPay).toBeUndefined();
    expect(res.body.home.lat).toBeCloseTo(36.15, 1);
    const row = await db.ds.getRepository(CandidateEntity).findOneByOrFail({ id: c.id });
    expect(row.state).toBe('OK');
  });

  it('400 names the field, and leaves the profile as it was', async () => {
    const c = await create();
    const res = await request(t.server)
      .patch(`/api/v1/candidates/${c.id}`)
      .set(bearer(c.token))
      .send({ workMode: 'sometimes' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('body.workMode');
    const read = await request(t.server).get(`/api/v1/candidates/${c.id}`).set(bearer(c.token));
    expect(read.body.profile.workMode).toBe('remote_or_hybrid');
  });

  it('400 when the body is not an object', async () => {
    const c = await create();
    const res = await request(t.server).patch(`/api/v1/candidates/${c.id}`).set(bearer(c.token)).send([1, 2]);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'body', message: 'expected an object' }]);
  });

  it('deletes for good: the token then opens nothing', async () => {
    const c = await create();
    const del = await request(t.server).delete(`/api/v1/candidates/${c.id}`).set(bearer(c.token));
    expect(del.status).toBe(204);
    expect(await db.ds.getRepository(CandidateEntity).existsBy({ id: c.id })).toBe(false);
    const again = await request(t.server).get(`/api/v1/candidates/${c.id}`).set(bearer(c.token));
    expect(again.status).toBe(403);
  });
});
