import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Hostile and malformed input at the HTTP edge: every answer is the API's JSON error shape with a
// status below 500, control characters are refused naming the field, and every list is bounded.

const TOKEN = 'test-admin-token-edges-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTestApp(db.url, { ADMIN_TOKEN: TOKEN });
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const PROFILE = {
  roles: ['coder'],
  yearsExperience: 3,
  workMode: 'remote_only',
  stateOfResidence: 'TX',
};

/** The documented error shape, and nothing else at the top level. */
function expectErrorShape(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.headers['content-type']).toMatch(/application\/json/);
}

function fieldsOf(res: request.Response): string[] {
  return (res.body.error.details ?? []).map((d: { field: string }) => d.field);
}

describe('control characters in text input', () => {
  it.each([
    ['q=coder%00', 'query.q'],
    ['q=coder%00&status=closed', 'query.q'],
    ['employer=Acme%01Health', 'query.employer'],
    ['source=gh%00x', 'query.source'],
    ['near=Dallas%00,%20TX', 'query.near'],
    ['role=coder%00', 'query.role'],
    ['cursor=abc%1b', 'query.cursor'],
  ])('GET /api/v1/listings?%s answers 400 naming %s', async (query, field) => {
    const res = await request(t.server).get(`/api/v1/listings?${query}`);
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(field);
    expect(res.body.error.message).toMatch(/control character/);
  });

  it('refuses a control character in a path parameter', async () => {
    const res = await request(t.server).get('/api/v1/listings/abc%00def');
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain('params.id');
  });

  it('refuses control characters in body fields and keys, at any depth, naming the field', async () => {
    const inList = await request(t.server)
      .post('/api/v1/candidates')
      .send({ ...PROFILE, excludeEmployers: ['Fine Corp', 'Bad\u0000Corp'] });
    expectErrorShape(inList, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(inList)).toEqual(['body.excludeEmployers.1']);

    const preview = await request(t.server)
      .post('/api/v1/postings/preview')
      .send({ title: 'Medical Coder', description: 'Remote\u0007 coder' });
    expectErrorShape(preview, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(preview)).toEqual(['body.description']);

    const key = await request(t.server)
      .post('/api/v1/matches')
      .send({ profile: { ...PROFILE, 'x\u0000': 1 } });
    expectErrorShape(key, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(key)[0]).toMatch(/^body\.profile/);

    const admin = await request(t.server)
      .post('/api/v1/admin/sources')
      .set(auth)
      .send({
        id: 'gh-nul',
        kind: 'greenhouse',
        name: 'Acme',
        config: { boardToken: 'acme', employerName: 'Acme\u0000Health' },
      });
    expectErrorShape(admin, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(admin)).toEqual(['body.config.employerName']);
  });

  it('keeps tabs and line breaks in free text', async () => {
    const res = await request(t.server)
      .post('/api/v1/postings/preview')
      .send({ title: 'Medical Coder', description: 'Remote coder.\r\n\tCPC required.', format: 'text' });
    expect(res.status).toBe(200);
  });
});

describe('JSON bodies', () => {
  it('refuses nesting deeper than the bound with a 400 naming the body, not a 500', async () => {
    for (const depth of [40, 100_000]) {
      const body = `{"id":"gh-deep","kind":"greenhouse","name":"x","config":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      const res = await request(t.server)
        .post('/api/v1/admin/sources')
        .set(auth)
        .set('content-type', 'application/json')
        .send(body);
      expectErrorShape(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(/nested/);
    }
  });

  it('answers malformed JSON, a wrong content type and an oversize body in the shape', async () => {
    const malformed = await request(t.server)
      .post('/api/v1/candidates')
      .set('content-type', 'application/json')
      .send('{"roles": [');
    expectErrorShape(malformed, 400, 'VALIDATION_FAILED');

    const empty = await request(t.server).post('/api/v1/candidates').set('content-type', 'application/json');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');

    const text = await request(t.server)
      .post('/api/v1/candidates')
      .set('content-type', 'text/plain')
      .send(JSON.stringify(PROFILE));
    expectErrorShape(text, 415, 'UNSUPPORTED_MEDIA_TYPE');

    const xml = await request(t.server)
      .post('/api/v1/postings/preview')
      .set('content-type', 'application/xml')
      .send('<posting/>');
    expectErrorShape(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');

    const big = await request(t.server)
      .post('/api/v1/postings/preview')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ title: 'x', description: 'a'.repeat(2 * 1024 * 1024) }));
    expectErrorShape(big, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('framework-level answers use the shape', () => {
  it.each([
    ['an unknown route', '/api/v1/nothing-here', 404, 'NOT_FOUND'],
    ['a long listing id', `/api/v1/listings/${'a'.repeat(200)}`, 400, 'VALIDATION_FAILED'],
    ['a very long listing id', `/api/v1/listings/${'a'.repeat(5000)}`, 414, 'URI_TOO_LONG'],
    ['a malformed percent escape', '/api/v1/listings/%E0%A4%A', 400, 'BAD_REQUEST'],
  ])('%s', async (_what, path, status, code) => {
    const res = await request(t.server).get(path);
    expectErrorShape(res, status, code);
  });

  it('answers a method the route does not have in the shape', async () => {
    const res = await request(t.server).delete('/api/v1/listings');
    expectErrorShape(res, 404, 'NOT_FOUND');
  });
});

describe('every list in a body is bounded', () => {
  it.each([
    ['100,000 roles', 'roles', { ...PROFILE, roles: Array(100_000).fill('coder') }],
    ['50 roles', 'roles', { ...PROFILE, roles: Array(50).fill('coder') }],
    ['50 employment types', 'employmentTypes', { ...PROFILE, employmentTypes: Array(50).fill('full_time') }],
  ])('a candidate with %s is refused', async (_what, field, body) => {
    const res = await request(t.server).post('/api/v1/candidates').send(body);
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(`body.${field}`);
  });

  it('a match request with a huge list is refused', async () => {
    const res = await request(t.server)
      .post('/api/v1/matches')
      .send({ profile: { ...PROFILE, roles: Array(50_000).fill('biller') } });
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain('body.profile.roles');
  });

  it('a query parameter repeated without end is refused', async () => {
    const query = Array.from({ length: 500 }, () => 'role=coder').join('&');
    const res = await request(t.server).get(`/api/v1/listings?${query}`);
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain('query.role');
  });

  it('a source config with a huge list is refused', async () => {
    const res = await request(t.server)
      .post('/api/v1/admin/sources')
      .set(auth)
      .send({
        id: 'gh-many',
        kind: 'greenhouse',
        name: 'Acme',
        config: { boardToken: 'acme', junk: Array(20_000).fill('x') },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/VALIDATION_FAILED|INVALID_SOURCE/);
  });
});
