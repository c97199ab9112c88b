// Offline US ZIP code gazetteer, loaded once on first use. The data comes from the `zipcodes` npm
// package (BSD licence; ~42,000 US ZIP codes with city, state and coordinates). Only its US table is
// read, then kept in compact arrays and the package's module is released, so a process pays about
// 0.3 s and a few MB once, and nothing at all if it never places a location.
import { createRequire } from 'node:module';

interface ZipRecord {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
}

export interface UsPlace {
  city: string;
  state: string;
  postalCode: string | null;
  lat: number;
  lon: number;
}

interface Gazetteer {
  zips: Map<string, number>;
  zipCodes: string[];
  cities: string[];
  states: string[];
  lat: Float64Array;
  lon: Float64Array;
  /** "SAINT LOUIS|MO" -> the centre of the city's ZIP codes and how many there are. */
  byCityState: Map<string, { city: string; state: string; lat: number; lon: number; zipCount: number }>;
  /** "SAINT LOUIS" -> keys of byCityState, largest city (most ZIP codes) first. */
  byCity: Map<string, string[]>;
}

const CODES_MODULE = 'zipcodes/lib/codes';
let gazetteer: Gazetteer | null = null;

/** Upper case, no punctuation, "St." -> "SAINT", "Ft" -> "FORT", "Mt" -> "MOUNT". */
export function cityKey(city: string): string {
  return city
    .toUpperCase()
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .replace(/\bST\b/g, 'SAINT')
    .replace(/\bSTE\b/g, 'SAINTE')
    .replace(/\bFT\b/g, 'FORT')
    .replace(/\bMT\b/g, 'MOUNT')
    .replace(/\s+/g, ' ')
    .trim();
}

function load(): Gazetteer {
  const requireModule = createRequire(__filename);
  const resolved = requireModule.resolve(CODES_MODULE);
  const { codes } = requireModule(resolved) as { codes: Record<string, ZipRecord> };
  const records = Object.values(codes).filter((r) => /^\d{5}$/.test(r.zip) && r.city && r.state);
  const size = records.length;
  const g: Gazetteer = {
    zips: new Map(),
    zipCodes: new Array<string>(size),
    cities: new Array<string>(size),
    states: new Array<string>(size),
    lat: new Float64Array(size),
    lon: new Float64Array(size),
    byCityState: new Map(),
    byCity: new Map(),
  };
  const sums = new Map<string, { city: string; state: string; lat: number; lon: number; n: number }>();
  records.forEach((r, i) => {
    g.zips.set(r.zip, i);
    g.zipCodes[i] = r.zip;
    g.cities[i] = titleCase(r.city);
    g.states[i] = r.state;
    g.lat[i] = r.latitude;
    g.lon[i] = r.longitude;
    const key = `${cityKey(r.city)}|${r.state}`;
    const sum = sums.get(key);
    if (sum) {
      sum.lat += r.latitude;
      sum.lon += r.longitude;
      sum.n++;
    } else
      sums.set(key, { city: titleCase(r.city), state: r.state, lat: r.latitude, lon: r.longitude, n: 1 });
  });
  for (const [key, s] of sums) {
    g.byCityState.set(key, {
      city: s.city,
      state: s.state,
      lat: round(s.lat / s.n),
      lon: round(s.lon / s.n),
      zipCount: s.n,
    });
    const city = key.slice(0, key.indexOf('|'));
    const list = g.byCity.get(city);
    if (list) list.push(key);
    else g.byCity.set(city, [key]);
  }
  for (const list of g.byCity.values()) {
    list.sort((a, b) => (g.byCityState.get(b)?.zipCount ?? 0) - (g.byCityState.get(a)?.zipCount ?? 0));
  }
  // The package's objects are no longer needed: let them be collected.
  delete requireModule.cache[resolved];
  return g;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** The data has both "NEW YORK" and "New York"; show cities in title case. */
function titleCase(city: string): string {
  if (city !== city.toUpperCase()) return city;
  return city
    .toLowerCase()
    .replace(/(^|[\s\-'.])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function gazetteerData(): Gazetteer {
  gazetteer ??= load();
  return gazetteer;
}

export function placeByZip(zip: string): UsPlace | null {
  const g = gazetteerData();
  const i = g.zips.get(zip);
  if (i === undefined) return null;
  return { city: g.cities[i], state: g.states[i], postalCode: g.zipCodes[i], lat: g.lat[i], lon: g.lon[i] };
}

export function placeByCity(city: string, state: string | null): UsPlace | null {
  const g = gazetteerData();
  const key = cityKey(city);
  const found = state
    ? g.byCityState.get(`${key}|${state}`)
    : g.byCityState.get(g.byCity.get(key)?.[0] ?? '');
  return found
    ? { city: found.city, state: found.state, postalCode: null, lat: found.lat, lon: found.lon }
    : null;
}

/** Loads the data now (e.g. at worker start) instead of on the first lookup. */
export function preloadUsPlaces(): void {
  gazetteerData();
}
