import { haversineMiles } from '#matching';
import { boundingBox, type GeoBox, type GeoCircle } from '../geo-box';
import type { SearchFilters } from '../search-filters';
import { andBits, andInto, andNotBits, createBitset, setBit } from './bitset';
import type { OpenListingIndex, ValueKey } from './open-listing-index';

// SearchFilters over the in-memory index: the same conditions as filterConditions (search-filters.ts)
// reads in SQL, as a bitset of slots plus a per-slot test for the range conditions. Parity with the
// SQL is what tests/search/memory-parity.test.ts checks.

export interface CompiledFilters {
  /** Live slots passing every set-valued filter: a working bitset, give it back with `release`. */
  bits: Uint32Array;
  release(): void;
  /** The range and substring filters, per slot; null when there are none. */
  test: ((slot: number) => boolean) | null;
}

/** Whether the in-memory index can answer these filters (open listings only, no per-source filter). */
export function memoryCanAnswer(filters: SearchFilters): boolean {
  return filters.status === 'open' && filters.source === undefined;
}

/** Remote listings a resident of `state` may take (remoteEligibleSql's rules). Shared: never mutate. */
export function remoteEligibleBits(index: OpenListingIndex, state: string): Uint32Array {
  return index.derived(
    `remote:${state}`,
    () => {
      const places = index.anyOf(['remoteAnyState', `remoteAllowed:${state}`]);
      const remote = andBits(andBits(index.alive, index.value('mode:remote')), places);
      return andNotBits(remote, index.anyOf([`remoteExcluded:${state}`, 'remoteAbroad']));
    },
    (slot) =>
      index.hasValue('mode:remote', slot) &&
      (index.hasValue('remoteAnyState', slot) || index.hasValue(`remoteAllowed:${state}`, slot)) &&
      !index.hasValue(`remoteExcluded:${state}`, slot) &&
      !index.hasValue('remoteAbroad', slot),
  );
}

/**
 * Live slots with a location inside the circle (the exact distance the SQL and the core use). Shared
 * (popular places and candidates' homes are asked again and again): never mutate.
 */
export function withinCircleBits(index: OpenListingIndex, circle: GeoCircle): Uint32Array {
  const key = `circle:${circle.lat},${circle.lon},${circle.radiusMiles}`;
  // Worked out only when the set is (a cache hit, the usual case, needs neither box nor test).
  let area: CircleArea | undefined;
  const circleArea = () => (area ??= areaOf(circle));
  return index.derived(
    key,
    () => circleBits(index, circleArea()),
    (slot) => {
      const { inside } = circleArea();
      return (
        index.listings[slot]?.locations.some(
          (l) => l.lat !== null && l.lon !== null && inside(l.lat, l.lon),
        ) ?? false
      );
    },
  );
}

/**
 * A circle's bounding box, and whether a point lies in the circle: the box first, then the haversine
 * distance (padded a hair).
 */
interface CircleArea {
  box: GeoBox;
  inside: (lat: number, lon: number) => boolean;
}

function areaOf(circle: GeoCircle): CircleArea {
  const box = boundingBox(circle);
  const wraps = box.minLon < -180 || box.maxLon > 180;
  const radius = circle.radiusMiles * 1.000001;
  return {
    box,
    inside: (lat, lon) =>
      lat >= box.minLat &&
      lat <= box.maxLat &&
      (wraps || (lon >= box.minLon && lon <= box.maxLon)) &&
      haversineMiles(circle, { lat, lon }) <= radius,
  };
}

function circleBits(index: OpenListingIndex, { box, inside }: CircleArea): Uint32Array {
  const out = createBitset(index.words * 32);
  const alive = index.alive;
  index.places.forEachIn(box, (slot, lat, lon) => {
    if ((alive[slot >>> 5] & (1 << (slot & 31))) === 0) return;
    if (inside(lat, lon)) setBit(out, slot);
  });
  return out;
}

const keys = <P extends string>(prefix: P, values: readonly string[]) =>
  values.map((v) => `${prefix}:${v}` as ValueKey);

export function compileFilters(index: OpenListingIndex, f: SearchFilters): CompiledFilters {
  const bits = index.acquireLive();
  const and = (other: Uint32Array) => andInto(bits, other);
  if (f.roles) and(index.anyOf(keys('role', f.roles)));
  if (f.credentials) {
    // One credential: listings naming it; several: any of them (certs_all @> / && in SQL).
    and(index.anyOf(keys('cert', f.credentials)));
  }
  if (f.specialties) and(index.anyOf(keys('specialty', f.specialties)));
  if (f.codingSystems) and(index.anyOf(keys('codingSystem', f.codingSystems)));
  if (f.workModes) and(index.anyOf(keys('mode', f.workModes)));
  if (f.employmentTypes) and(index.anyOf(keys('type', f.employmentTypes)));
  if (f.states) and(index.anyOf(keys('state', f.states)));
  if (f.remoteEligibleFor) and(remoteEligibleBits(index, f.remoteEligibleFor));
  if (f.near) and(withinCircleBits(index, f.near));

  const tests: ((slot: number) => boolean)[] = [];
  if (f.minPay !== undefined) {
    const min = f.minPay;
    tests.push((slot) => index.payKey[slot] >= min);
  }
  if (f.postedSince) {
    const since = f.postedSince.getTime() * 1000;
    tests.push((slot) => index.sortAt[slot] >= since);
  }
  if (f.employer) {
    // ILIKE '%text%': tested once per distinct employer name, then per slot by number.
    const needle = f.employer.toLowerCase();
    const names = index.employerNames;
    const hit = new Uint8Array(names.length);
    for (let i = 0; i < names.length; i++) hit[i] = names[i].includes(needle) ? 1 : 0;
    tests.push((slot) => hit[index.employerOf[slot]] === 1);
  }
  const test =
    tests.length === 0 ? null : tests.length === 1 ? tests[0] : (slot: number) => tests.every((t) => t(slot));
  return { bits, test, release: () => index.release(bits) };
}
