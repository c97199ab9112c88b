// Places a location on the map from a ZIP code or a city and state, offline. Used by the normalizer
// for listings and by matching and search for a candidate's home ("Dallas, TX" or "75201").
import { toStateCode } from '#taxonomy';
import { placeByCity, placeByZip } from './us-places';

export interface PlaceQuery {
  postalCode?: string | null;
  city?: string | null;
  /** Two-letter code or full name. */
  state?: string | null;
}

export interface Place {
  city: string | null;
  state: string | null;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
}

const ZIP = /^\s*(\d{5})(?:-\d{4})?\s*$/;

/** A 5-digit (or ZIP+4) US ZIP code's place, or null when unknown. */
export function lookupPostalCode(zip: string): Place | null {
  const match = ZIP.exec(zip ?? '');
  return match ? placeByZip(match[1]) : null;
}

/**
 * The place for a ZIP code, else for a city (in a state when given; without one, the largest city of
 * that name). `city` may also be "City, ST" or "City, State". Returns null when the place cannot be
 * put on the map: a state alone, an unknown city, a ZIP code that does not exist.
 */
export function lookupPlace(query: PlaceQuery): Place | null {
  if (query.postalCode) {
    const byZip = lookupPostalCode(query.postalCode);
    if (byZip) return byZip;
  }
  let city = query.city?.trim() ?? '';
  if (ZIP.test(city)) return lookupPostalCode(city);
  let stateText = query.state ?? null;
  const comma = city.lastIndexOf(',');
  if (!stateText && comma > 0) {
    const tail = city.slice(comma + 1).trim();
    const zipInTail = /^(.*?)\s*(\d{5})(?:-\d{4})?$/.exec(tail);
    if (zipInTail && !query.postalCode) {
      const byZip = lookupPostalCode(zipInTail[2]);
      if (byZip) return byZip;
    }
    stateText = zipInTail ? zipInTail[1] : tail;
    city = city.slice(0, comma).trim();
  }
  if (!city || city.length > 60) return null;
  const state = stateText ? toStateCode(stateText) : null;
  if (stateText && !state) return null;
  return placeByCity(city, state);
}
