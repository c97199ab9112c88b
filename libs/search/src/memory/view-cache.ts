import type { ListingView } from '../listing-view';
import { keepViewJson } from './view-json';

/**
 * List views of recently shown open listings, so most pages need no database read at all. An entry
 * goes when the index sees its listing change or close (the index is caught up before every request,
 * so a cached view is never older than the row), and after `maxAgeMs` in any case: the view's
 * lastSeenAt is derived from source postings, which ingestion updates without touching the listing.
 */
export class ViewCache {
  private readonly entries = new Map<string, { at: number; view: ListingView }>();

  constructor(
    private readonly maxEntries = 5000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): ListingView | undefined {
    const hit = this.entries.get(id);
    if (!hit) return undefined;
    if (this.now() - hit.at >= this.maxAgeMs) {
      this.entries.delete(id);
      return undefined;
    }
    return hit.view;
  }

  set(view: ListingView): void {
    keepViewJson(view);
    this.entries.delete(view.id);
    this.entries.set(view.id, { at: this.now(), view });
    // Oldest inserted first: a plain Map keeps insertion order.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
