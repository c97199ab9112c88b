// Places come from the normalizer's offline gazetteer, the same one listings are placed with, so a
// home and a listing in the same ZIP code sit on the same point.
import { lookupPlace } from '#normalizer';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** "75201", "75201-1234" or "Dallas, TX" to coordinates, offline; null when it cannot be placed. */
export function placeFromText(text: string): (GeoPoint & { state: string | null }) | null {
  const trimmed = text.trim();
  const place = /^\d{5}(-\d{4})?$/.test(trimmed)
    ? lookupPlace({ postalCode: trimmed })
    : lookupPlace({ city: trimmed });
  if (!place || place.lat === null || place.lon === null) return null;
  return { lat: place.lat, lon: place.lon, state: place.state };
}

/** A candidate's home from a ZIP code (preferred) or "City, ST"; null when neither can be placed. */
export function placeHome(home: { homePostalCode?: string; homeCity?: string }): GeoPoint | null {
  const place = lookupPlace({ postalCode: home.homePostalCode ?? null, city: home.homeCity ?? null });
  if (!place || place.lat === null || place.lon === null) return null;
  return { lat: place.lat, lon: place.lon };
}
