import { FacetCache } from './facet-cache';
import type { SearchFacets } from './facets';

const facets = (n: number) => ({ role: [{ value: 'coder', count: n }] }) as unknown as SearchFacets;

describe('FacetCache', () => {
  it('counts a filter set once while fresh, shares it with concurrent askers, and counts again when stale', async () => {
    let now = 0;
    let counts = 0;
    const cache = new FacetCache(1000, 10, () => now);
    const count = async () => facets(++counts);
    const [a, b] = await Promise.all([
      cache.get({ status: 'open' }, count),
      cache.get({ status: 'open' }, count),
    ]);
    expect(a).toBe(b);
    expect(counts).toBe(1);
    await cache.get({ status: 'open', roles: ['coder'] }, count);
    expect(counts).toBe(2);
    now = 1500;
    expect((await cache.get({ status: 'open' }, count)).role[0].count).toBe(3);
  });

  it('forgets a failed count and keeps at most maxEntries', async () => {
    const cache = new FacetCache(1000, 2, () => 0);
    await expect(cache.get({ status: 'open' }, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    await new Promise((r) => setImmediate(r));
    expect(await cache.get({ status: 'open' }, async () => facets(1))).toEqual(facets(1));
    await cache.get({ status: 'closed' }, async () => facets(2));
    await cache.get({ status: 'all' }, async () => facets(3));
    // The oldest entry ("open") was dropped.
    expect(await cache.get({ status: 'open' }, async () => facets(4))).toEqual(facets(4));
  });
});
