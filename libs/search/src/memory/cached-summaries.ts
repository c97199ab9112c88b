import { loadListingSummaries } from '../listing-summary-row';
import type { ListingView } from '../listing-view';
import type { Queryable } from '#persistence';
import type { OpenListingIndex } from './open-listing-index';

/** List views by id in the order given, from the index's view cache where it can, else read (and cached). */
export async function loadSummariesThroughCache(
  index: OpenListingIndex,
  db: Queryable,
  ids: string[],
): Promise<ListingView[]> {
  const found = new Map<string, ListingView>();
  const missing: string[] = [];
  for (const id of ids) {
    const view = index.views.get(id);
    if (view) found.set(id, view);
    else missing.push(id);
  }
  for (const view of await loadListingSummaries(db, missing)) {
    found.set(view.id, view);
    // Only open listings the index holds: a closed one must not linger in the cache.
    if (index.has(view.id) && view.status === 'open') index.views.set(view);
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}
