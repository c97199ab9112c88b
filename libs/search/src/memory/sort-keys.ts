// Keyset cursors carry the last row's sort key as text Postgres can cast back (search-listings.ts).
// The SQL path writes sort_at::text ("2026-11-20 10:00:00.123456+00", in the session's time zone);
// the in-memory path writes ISO 8601 with microseconds. Both read both, so a client paging across an
// API restart (memory index still loading, SQL answering) keeps its place.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)?$/;

/** Microseconds since the epoch of a Postgres or ISO timestamp; null when it is not one. */
export function timestampToMicros(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return null;
  let offsetSeconds = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(/:/g, '');
    offsetSeconds =
      sign *
      (Number(digits.slice(0, 2)) * 3600 +
        Number(digits.slice(2, 4) || 0) * 60 +
        Number(digits.slice(4, 6) || 0));
  }
  return (ms / 1000 - offsetSeconds) * 1_000_000 + Number(frac.padEnd(6, '0'));
}

/** ISO 8601 in UTC with all six fractional digits: exact for Postgres's microsecond timestamps. */
export function microsToTimestamp(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const sub = micros - ms * 1000;
  return new Date(ms).toISOString().replace(/Z$/, `${String(sub).padStart(3, '0')}Z`);
}
