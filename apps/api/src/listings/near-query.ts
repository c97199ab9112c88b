import { placeFromText, type SearchQuery } from '#search';
import { ApiError } from '../http/api-error';

/**
 * The `near` and `radiusMiles` of a search query as a point and radius, or undefined without `near`.
 * A place that cannot be found is a 400 naming the parameter: the listings search and a digest made
 * from a search answer the same.
 */
export function nearFromQuery(q: Pick<SearchQuery, 'near' | 'radiusMiles'>) {
  if (!q.near) return undefined;
  const place = placeFromText(q.near);
  if (!place) {
    const message = `could not place ${JSON.stringify(q.near)}: give a US ZIP code or "City, ST"`;
    throw new ApiError('VALIDATION_FAILED', `query.near: ${message}`, [{ field: 'query.near', message }]);
  }
  return { lat: place.lat, lon: place.lon, radiusMiles: q.radiusMiles };
}
