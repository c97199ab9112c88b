// Date values from ATS APIs come as epoch milliseconds (Lever), ISO timestamps with offsets
// (Greenhouse), bare dates (Workday) and zone-less timestamps with four fractional digits (USAJOBS).
// Parsers must be deterministic, so a value without a zone is read as UTC, never as the machine's
// local time.

const ZONELESS = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;

/** An ISO 8601 UTC timestamp, or null when the value is missing or not a date. */
export function toIsoTimestamp(value: unknown): string | null {
  if (typeof value === 'number') return fromEpochMs(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d{12,14}$/.test(text)) return fromEpochMs(Number(text));

  const zoneless = ZONELESS.exec(text);
  if (zoneless) {
    const [, date, hm = '00:00', seconds = '00', fraction = ''] = zoneless;
    const millis = fraction.padEnd(3, '0').slice(0, 3);
    return validIso(`${date}T${hm}:${seconds}.${millis}Z`);
  }
  return validIso(text);
}

function fromEpochMs(ms: number): string | null {
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return new Date(ms).toISOString();
}

function validIso(text: string): string | null {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
