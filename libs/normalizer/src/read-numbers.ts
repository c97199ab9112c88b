// Numbers as postings write them: digits or words ("two (2) years", "six months").
const WORD_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  'twenty four': 24,
  thirty: 30,
  ninety: 90,
};

export const NUMBER_WORD_PATTERN =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty[- ]four|twenty|thirty|ninety';

export function readNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return WORD_NUMBERS[t] ?? null;
}

/** "6 months" -> 180 days; 12 months or a year -> 365. */
export function readDuration(amount: string, unit: string): number | null {
  const n = readNumber(amount);
  if (n === null) return null;
  const u = unit.toLowerCase();
  if (u.startsWith('day')) return n;
  if (u.startsWith('week')) return n * 7;
  if (u.startsWith('month')) return n % 12 === 0 ? (n / 12) * 365 : n * 30;
  if (u.startsWith('year')) return n * 365;
  return null;
}
