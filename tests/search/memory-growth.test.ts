import request from 'supertest';
import { SearchIndexService } from '#search';
import { insertListings, type ListingFacts } from '../support/listing-factory';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The in-memory index starts with room for 1,024 listings and doubles when it fills. Searches, facets
// and match pools borrow working bitsets from a small pool and give them back; a bitset borrowed
// before the index grew is one size too small afterwards. Here listings keep arriving while clients
// search and match, through the real API on a real Postgres, and the index grows twice: no request
// may fail.

const ROUNDS = 12;
const BATCH = 100;
const READERS = 6;

let db: TestDatabase;
let t: TestApp;

const coder = (i: number): ListingFacts => ({
  title: `Remote Medical Coder ${i}`,
  employer: `Growth Clinic ${i % 37}`,
  workMode: 'remote',
  remoteStates: i % 3 === 0 ? ['TX'] : null,
  specialties: i % 2 === 0 ? ['profee'] : ['inpatient'],
});

beforeAll(async () => {
  db = await createTestDatabase();
  // Just under the first capacity: the first batch below makes the index grow.
  await insertListings(
    db.ds,
    Array.from({ length: 1000 }, (_, i) => coder(i)),
  );
  t = await createTestApp(db.url);
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

/** Every kind of read that borrows a working bitset: filtered search, facets, a match pool. */
function read(i: number) {
  switch (i % 3) {
    case 0:
      return request(t.server).get('/api/v1/listings').query({ role: 'coder', workMode: 'remote', limit: 5 });
    case 1:
      return request(t.server).get('/api/v1/listings').query({ q: 'coder', facets: 'true', limit: 5 });
    default:
      return request(t.server)
        .post('/api/v1/matches')
        .send({
          profile: {
            credentials: ['CPC'],
            roles: ['coder'],
            yearsExperience: 3,
            workMode: 'remote_only',
            stateOfResidence: 'TX',
          },
          limit: 5,
        });
  }
}

it('answers every search and match while the index grows under them', async () => {
  const failures: string[] = [];
  let next = 1000;
  for (let round = 0; round < ROUNDS; round++) {
    await insertListings(
      db.ds,
      Array.from({ length: BATCH }, () => coder(next++)),
    );
    // A burst of concurrent reads: the first catches the index up (growing it when the batch filled
    // it), the others read it meanwhile, and all give their working bitsets back for the next burst.
    const answers = await Promise.all(Array.from({ length: READERS }, (_, i) => read(round + i)));
    for (const res of answers) {
      if (res.status !== 200) failures.push(`round ${round}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  expect(failures).toEqual([]);
  // The index did grow twice (1,024 -> 2,048 -> 4,096 slots) and serves the newest listing.
  const index = await t.app.get(SearchIndexService).index();
  expect(index?.size).toBe(1000 + ROUNDS * BATCH);
  expect(index?.words).toBe(4096 / 32);
  const newest = await request(t.server)
    .get('/api/v1/listings')
    .query({ q: `"Remote Medical Coder ${next - 1}"` });
  expect(newest.status).toBe(200);
  expect(newest.body.items.map((l: { title: string }) => l.title)).toContain(
    `Remote Medical Coder ${next - 1}`,
  );
});
