// Date.parse costs about 300 ns, a sizeable share of scoring one listing, and every listing's postedAt
// is read. Dates come from Date#toISOString ("2026-03-01T12:34:56.789Z", sometimes without the
// milliseconds), so that one shape is read digit by digit. Anything else, or any field out of range,
// goes to Date.parse: the result is always Date.parse's.

const DASH = 45;
const DOT = 46;
const COLON = 58;
const T = 84;
const Z = 90;

/** The number the digits at [start, start + count) spell, or -1 if one of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Same as Date.parse(text). */
export function parseInstant(text: string): number {
  const withMillis = text.length === 24 && text.charCodeAt(19) === DOT && text.charCodeAt(23) === Z;
  if (
    (withMillis || (text.length === 20 && text.charCodeAt(19) === Z)) &&
    text.charCodeAt(4) === DASH &&
    text.charCodeAt(7) === DASH &&
    text.charCodeAt(10) === T &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON
  ) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const millis = withMillis ? digits(text, 20, 3) : 0;
    // Date.UTC reads years 0-99 as 1900-1999 and rolls months and hours over where Date.parse gives
    // NaN; days 29-31 roll over into the next month in both.
    if (
      year >= 1000 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 31 &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      millis >= 0
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second, millis);
    }
  }
  return Date.parse(text);
}
