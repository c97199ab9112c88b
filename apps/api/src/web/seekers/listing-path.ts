import type { ListingView } from '#search';
import { slugify } from '../seo/slug';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** "/jobs/<id>-remote-medical-coder-ii-lakeside-health": the id decides, the words are for people. */
export function listingPath(listing: Pick<ListingView, 'id' | 'title' | 'employer'>): string {
  const slug = slugify(listing.title, listing.employer);
  return `/jobs/${listing.id}${slug ? `-${slug}` : ''}`;
}

/** The id in "/jobs/<id>-<words>", or null when the address does not start with one. */
export function listingIdOf(idAndSlug: string): string | null {
  const id = idAndSlug.slice(0, 36).toLowerCase();
  return UUID.test(id) && (idAndSlug.length === 36 || idAndSlug[36] === '-') ? id : null;
}
