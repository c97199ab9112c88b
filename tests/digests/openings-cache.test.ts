import { parseSnapshot } from '#digests';
import { ListingEntity, repositoriesOf } from '#persistence';
import { OpeningsCache } from '../../apps/worker/src/digests/openings-cache';
import { insertListings } from '../support/listing-factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The compose jobs' shared read of the openings, against the real triggers: a read that finds the
// same listings as the last one keeps its array (rankings worked out from it still serve), a changed
// listing or a long wait makes a new one.
describe('openings cache', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('shares the listings of reads that found the same, and not once one changed', async () => {
    const [first] = await insertListings(db.ds, [{ title: 'Coder A' }, { title: 'Coder B' }]);
    let clock = 1_000_000;
    const cache = new OpeningsCache(repositoriesOf(db.ds).listingOpenings, () => clock);
    const watermark = parseSnapshot('1:1:');

    const a = await cache.for(watermark);
    expect(a.listings.map((l) => l.title).sort()).toEqual(['Coder A', 'Coder B']);
    clock += 31_000; // stale: read again, nothing changed
    const b = await cache.for(watermark);
    expect(b).not.toBe(a);
    expect(b.listings).toBe(a.listings);
    expect(b.since).toBe(a.since);

    await db.ds.getRepository(ListingEntity).update({ id: first.id }, { title: 'Coder A, remote' });
    clock += 31_000;
    const c = await cache.for(watermark);
    expect(c.listings).not.toBe(a.listings);
    expect(c.listings.map((l) => l.title)).toContain('Coder A, remote');
    expect(c.since).toBe(clock);

    clock += 6 * 60_000; // unchanged, but too long ago: a new array (and a new ranking clock)
    const d = await cache.for(watermark);
    expect(d.listings).not.toBe(c.listings);
    expect(d.since).toBe(clock);
  });
});
