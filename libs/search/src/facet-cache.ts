import type { SearchFacets } from './facets';
import type { SearchFilters } from './search-filters';

/**
 * Facet counts for recently asked filter sets. Counting reads every matching listing (250,000 open
 * ones for an unfiltered page at a million listings: about 2 s), while the answer barely moves from
 * one minute to the next and the same few filter sets are asked again and again (every first visit
 * asks for the unfiltered counts). Concurrent askers of the same set share one count; entries live
 * `maxAgeMs` and the oldest go first beyond `maxEntries`.
 */
export class FacetCache {
  private readonly entries = new Map<string, { at: number; value: Promise<SearchFacets> }>();

  constructor(
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  static key(filters: SearchFilters): string {
    return JSON.stringify(filters, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v));
  }

  get(filters: SearchFilters, count: () => Promise<SearchFacets>): Promise<SearchFacets> {
    const key = FacetCache.key(filters);
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.maxAgeMs) return hit.value;
    const value = count();
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    // A failed count is not kept: the next asker tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
