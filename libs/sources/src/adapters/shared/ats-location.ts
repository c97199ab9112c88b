import type { RawLocation } from '../../raw-posting';
import { US_STATES } from '#taxonomy';

// ATS feeds that give a location only as text ("Dallas, TX", "Remote - US") still deserve structured
// fields when the text is unambiguous. Only the plain "City, ST[ ZIP]" shape is split here; anything
// else ("Remote - must reside in TX, OK", "3 Locations") stays text for the normalizer to read.

const CITY_STATE =
  /^([A-Za-z][A-Za-z .'-]*?),\s*([A-Z]{2})(?:\s+(\d{5}(?:-\d{4})?))?(?:,\s*(US|USA|United States))?$/;
const STATE_CODES: ReadonlySet<string> = new Set(US_STATES);

export function locationFromText(text: string | null, country?: string | null): RawLocation | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  const match = CITY_STATE.exec(trimmed);
  if (match && STATE_CODES.has(match[2]) && !/remote/i.test(match[1])) {
    return {
      text: trimmed,
      city: match[1].trim(),
      state: match[2],
      postalCode: match[3] ?? null,
      country: country ?? 'US',
    };
  }
  return country ? { text: trimmed, country } : { text: trimmed };
}

/** Location texts to RawLocations, skipping blanks and repeats. */
export function locationsFromTexts(texts: (string | null)[], country?: string | null): RawLocation[] {
  const seen = new Set<string>();
  const out: RawLocation[] = [];
  for (const text of texts) {
    const location = locationFromText(text, country);
    const key = location?.text?.toLowerCase();
    if (!location || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(location);
  }
  return out;
}
