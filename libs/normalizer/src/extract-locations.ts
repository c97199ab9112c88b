// Reads where the job is: the source's structured locations first ("Dallas, TX 75201", {city, state}),
// else "City, ST" in the posting's header and location lines, each checked against the gazetteer so
// that only real places are kept and put on the map. "Salem VA Medical Center" does not make a
// place in Virginia: "VA" there is Veterans Affairs.
import { STATE_NAMES, US_STATES, toStateCode } from '#taxonomy';
import type { Evidence, NormalizedLocation } from './normalized-listing';
import type { RawLocation, RawPosting } from '#sources';
import type { PostingLine } from './posting-lines';
import { lookupPlace } from './lookup-place';
import { isVeteransAffairs } from './state-mentions';
import { snippet } from './evidence';

const STATE_ALTERNATION = [...US_STATES, ...US_STATES.map((code) => STATE_NAMES[code])]
  .sort((a, b) => b.length - a.length)
  .join('|');
// "Spokane, WA 99204", "Gallup, New Mexico", "Hybrid - Austin, TX": up to four capitalised words.
const CITY_STATE = new RegExp(
  `((?:[A-Z][A-Za-z.'’-]*\\s){0,3}[A-Z][A-Za-z.'’-]*),\\s*(${STATE_ALTERNATION})(?![A-Za-z])(?:,?\\s+(\\d{5})(?:-\\d{4})?)?`,
  'g',
);
// Lines that name where the job is, anywhere in the posting ("Hybrid, Pittsburgh, PA" counts too).
const LOCATION_LINE =
  /\b(?:location|located|office|site|based in|work setting|client in|hospital in|clinic in|hybrid|on[- ]?site|in[- ]office)\b/i;
const NOT_A_PLACE =
  /^(?:remote|hybrid|onsite|on-site|anywhere|nationwide|multiple locations?|various|united states|usa|us)$/i;
const HEADER_LINES = 6;

export interface LocationReading {
  locations: NormalizedLocation[];
  evidence: Evidence[];
}

function placeFrom(
  city: string | null,
  state: string | null,
  postalCode: string | null,
): NormalizedLocation | null {
  const found = lookupPlace({ postalCode, city, state });
  if (found) {
    return {
      city: found.city ?? city,
      state: found.state ?? state,
      postalCode: postalCode ?? found.postalCode,
      lat: found.lat,
      lon: found.lon,
    };
  }
  return city || state ? { city, state, postalCode, lat: null, lon: null } : null;
}

/** "City, ST 12345" (or names) found in a piece of text, real places only. */
function placesInText(text: string): { location: NormalizedLocation; phrase: string }[] {
  const found: { location: NormalizedLocation; phrase: string }[] = [];
  CITY_STATE.lastIndex = 0;
  for (let m = CITY_STATE.exec(text); m; m = CITY_STATE.exec(text)) {
    const stateStart = m.index + m[0].indexOf(m[2], m[1].length);
    if (m[2] === 'VA' && isVeteransAffairs(text, stateStart, stateStart + 2)) continue;
    const state = toStateCode(m[2]);
    if (!state) continue;
    const words = m[1].split(/\s+/);
    // Try "Fort Worth" before "Worth": the longest tail of capitalised words that is a city there.
    for (let take = Math.min(words.length, 4); take >= 1; take--) {
      const city = words.slice(words.length - take).join(' ');
      if (NOT_A_PLACE.test(city)) continue;
      const place = lookupPlace({ city, state, postalCode: m[3] ?? null });
      if (place && place.state === state) {
        found.push({
          location: { city: place.city, state, postalCode: m[3] ?? null, lat: place.lat, lon: place.lon },
          phrase: snippet(text, m.index, m.index + m[0].length),
        });
        break;
      }
    }
    // "Saint Luke's Regional, Kansas City, MO": a state name taken as the state may hide the city.
    CITY_STATE.lastIndex = m.index + m[1].length + 1;
  }
  return found;
}

function fromRawLocation(raw: RawLocation): { location: NormalizedLocation; phrase: string } | null {
  const phrase = raw.text ?? [raw.city, raw.state, raw.postalCode].filter(Boolean).join(', ');
  if (raw.country && !/^(?:us|usa|u\.s\.a?\.?|united states(?: of america)?)$/i.test(raw.country.trim()))
    return null;
  const state = toStateCode(raw.state ?? null);
  if (raw.city && !NOT_A_PLACE.test(raw.city.trim())) {
    const location = placeFrom(raw.city.trim(), state, raw.postalCode ?? null);
    if (location) {
      if (raw.lat != null && raw.lon != null) Object.assign(location, { lat: raw.lat, lon: raw.lon });
      return { location, phrase };
    }
  }
  if (raw.text) {
    const text = raw.text.replace(/,\s*(?:United States(?: of America)?|USA|US)\s*$/i, '');
    const inText = placesInText(text);
    if (inText.length > 0) return { location: inText[0].location, phrase };
    // The source says it is a place: keep a "City, ST" the gazetteer does not know, without coordinates.
    const unknownCity =
      /^(?:(?:remote|hybrid|on-?site)\s*[-–:]\s*)?([A-Z][A-Za-z.' -]{1,40}),\s*([A-Za-z. ]{2,20})$/.exec(
        text.trim(),
      );
    const unknownState = unknownCity ? toStateCode(unknownCity[2]) : null;
    if (unknownCity && unknownState && !NOT_A_PLACE.test(unknownCity[1])) {
      return {
        location: {
          city: unknownCity[1].trim(),
          state: unknownState,
          postalCode: null,
          lat: null,
          lon: null,
        },
        phrase,
      };
    }
    const onlyState = toStateCode(
      raw.text.replace(/^(?:remote|hybrid)\s*[-–:(,]\s*/i, '').replace(/\)$/, ''),
    );
    if (onlyState)
      return { location: { city: null, state: onlyState, postalCode: null, lat: null, lon: null }, phrase };
  }
  if (state)
    return { location: placeFrom(null, state, raw.postalCode ?? null) as NormalizedLocation, phrase };
  return null;
}

export function extractLocations(raw: RawPosting, lines: PostingLine[]): LocationReading {
  const found: { location: NormalizedLocation; phrase: string }[] = [];
  for (const rawLocation of raw.locations ?? []) {
    const read = fromRawLocation(rawLocation);
    if (read) found.push(read);
  }
  if (found.length === 0) {
    for (const line of lines) {
      if (line.index > HEADER_LINES && !LOCATION_LINE.test(line.text)) continue;
      if (line.section === 'about' || line.section === 'benefits' || line.section === 'legal') continue;
      found.push(...placesInText(line.text));
    }
  }
  const seen = new Set<string>();
  const locations: NormalizedLocation[] = [];
  const evidence: Evidence[] = [];
  for (const { location, phrase } of found) {
    const key = `${location.city ?? ''}|${location.state ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(location);
    evidence.push({
      field: 'locations',
      value: [location.city, location.state].filter(Boolean).join(', '),
      phrase,
    });
  }
  return { locations, evidence };
}
