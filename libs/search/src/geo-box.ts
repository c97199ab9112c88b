import type { SqlParams } from '#persistence';

// Distance filters run in two steps: a latitude/longitude box the (lat, lon) btree index can range
// over, then the exact great-circle distance on the few rows inside it. The box is a little larger
// than the circle, so rounding can only let a row through to the exact check, never drop one.

const EARTH_RADIUS_MILES = 3958.8;
const MILES_PER_DEGREE = (Math.PI * EARTH_RADIUS_MILES) / 180;
const PADDING = 1.01;

export interface GeoCircle {
  lat: number;
  lon: number;
  radiusMiles: number;
}

export interface GeoBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export function boundingBox({ lat, lon, radiusMiles }: GeoCircle): GeoBox {
  const dLat = (radiusMiles / MILES_PER_DEGREE) * PADDING;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  // Longitude degrees shrink towards the poles: size the box at the edge farthest from the equator.
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const cos = Math.cos((widest * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 180 : Math.min(180, (radiusMiles / (MILES_PER_DEGREE * cos)) * PADDING);
  return { minLat, maxLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/**
 * SQL that is true when the point (latColumn, lonColumn) lies within the circle: box first, then the
 * haversine distance (the same formula as the matching core's haversineMiles). The radius is padded
 * by a hair so a location the core measures at exactly the radius is not lost to float rounding.
 */
export function withinCircleSql(latColumn: string, lonColumn: string, c: GeoCircle, p: SqlParams): string {
  const box = boundingBox(c);
  const lat = p.add(c.lat, 'float8');
  const lon = p.add(c.lon, 'float8');
  // A box that crosses the antimeridian (the Aleutians) keeps only its latitude band.
  const lonBand =
    box.minLon < -180 || box.maxLon > 180
      ? ''
      : ` AND ${lonColumn} BETWEEN ${p.add(box.minLon, 'float8')} AND ${p.add(box.maxLon, 'float8')}`;
  return (
    `${latColumn} BETWEEN ${p.add(box.minLat, 'float8')} AND ${p.add(box.maxLat, 'float8')}` +
    lonBand +
    ` AND 2 * ${EARTH_RADIUS_MILES} * asin(least(1, sqrt(` +
    `power(sin(radians(${latColumn} - ${lat}) / 2), 2)` +
    ` + cos(radians(${lat})) * cos(radians(${latColumn})) * power(sin(radians(${lonColumn} - ${lon}) / 2), 2)` +
    `))) <= ${p.add(c.radiusMiles * 1.000001, 'float8')}`
  );
}

/** Listings with at least one location inside the circle (listing_locations holds one row per place). */
export function hasLocationWithinSql(listingAlias: string, c: GeoCircle, p: SqlParams): string {
  return (
    `${listingAlias}.id IN (SELECT ll.listing_id FROM listing_locations ll` +
    ` WHERE ${withinCircleSql('ll.lat', 'll.lon', c, p)})`
  );
}
