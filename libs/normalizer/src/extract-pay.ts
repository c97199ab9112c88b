// Reads the pay a posting offers: structured salary first, else amounts in the text near pay words or
// with a pay period ("$18.50 - $22/hr", "$45K-55K", "up to $60,000", "$65,000+", "$1.10 per
// encounter"). Bonuses, differentials, allowances and reimbursements are not pay. "DOE" or
// "competitive" gives no pay at all. Hourly pay is annualised at 2,080 hours unless the posting
// gives its weekly hours.
import { PERIODS_PER_YEAR, type SalaryPeriod } from '#taxonomy';
import type { Evidence, NormalizedSalary } from './normalized-listing';
import type { RawPosting, RawSalary } from '#sources';
import type { PostingLine } from './posting-lines';
import { snippet } from './evidence';

interface PayCandidate {
  min: number | null;
  max: number | null;
  period: SalaryPeriod | null;
  /** No period word or unit: the period was read from the amount's size. */
  periodInferred: boolean;
  currency: string;
  score: number;
  line: number;
  phrase: string;
}

// One amount: "$18.50", "USD 52,000", "45K", "$1,850". Bounded repetitions only.
// A "$" glued to the word before it still starts one: boards run the posting's age into the pay
// ("7d$2,000 - $2,500").
const AMOUNT =
  /(?:(?<![\w.$])|(?<=[A-Za-z])(?=\$))(?:(US\$|C\$|CA\$|\$|USD\s?|CAD\s?)\s?)?(\d{1,3}(?:,\d{3}){1,2}|\d{1,6})(?:\.(\d{1,2}))?(?:\s?([kK])(?![a-z]))?(\+)?/g;
const RANGE_JOIN = /^\s*(?:(?:\/\s*|per\s+)(?:hr|hour|h|yr|year)\s*)?(?:-|–|—|to|and|\/)\s*$/i;
const PERIOD_AFTER =
  /^\s*(?:(?:USD|CAD|US)\b\s*)?(?:\/\s*|per\s+|an?\s+|each\s+)?(hour|hr|hourly|h\b|year|yr|annually|annual|annum|month|mo\b|monthly|week|wk|weekly|day|daily|chart|charts|encounter|encounters|record|visit|case|episode)\b/i;
// A piece rate with words before its unit: "$4.40 per surgical case", "$2.25 per GI or pain case".
const PIECE_AFTER =
  /^\s*(?:per|each|an?)\s+(?:[A-Za-z][\w/&-]*\s+){1,3}?(charts?|encounters?|cases?|records?|visits?|procedures?)\b/i;
const PERIOD_BEFORE =
  /\b(hourly|per hour|annual(?:ly)?|yearly|salary|salaried|monthly|weekly|daily|per diem rate|per chart|per encounter)\b[^$\d]{0,25}$/i;
const CURRENCY_AFTER = /^\s*(USD|CAD)\b/i;
const UNSTATED_PERIOD_AFTER =
  /^\s*(?:(?:USD|CAD)\b\s*)?(?:\/\s*|per\s+|an?\s+|each\s+)?(?:bi-?weekly|bi-?monthly|semi-?monthly|fortnight(?:ly)?|every (?:two|2|other) weeks|twice (?:a|per) month|pay ?(?:period|check|cheque))\b/i;
const UNSTATED_PERIOD_BEFORE =
  /\b(?:bi-?weekly|bi-?monthly|semi-?monthly|fortnightly|per pay ?period|each pay ?period|per pay ?check)\b[^$\d]{0,25}$/i;
const PAY_CUE =
  /\b(?:pay|pays|paid|salary|salaries|compensation|wage|wages|rate|range|hourly|earn|earning|base|starting|per hour|doe)\b/i;
const NOT_PAY =
  /\b(?:bonus|sign[- ]on|signing|referral|reimburse\w*|tuition|stipend|allowance|401|403|match|differential|premium|incentive|relocation|ceus?|education|pto|raise|retention|commission|savings|insurance|deductible|discount)\b/i;
const MIN_ONLY_BEFORE =
  /\b(?:starting (?:at|from|pay|rate|wage|salary)?|starts? at|start(?:ing)?|from|minimum(?: of)?|at least|no less than)\s*:?\s*$/i;
// "$24.70 / HR + DOE": a starting rate that grows with experience has no top.
const MIN_ONLY_AFTER =
  /^\s*(?:\/\s*\w+\s*)?(?:per \w+\s*)?(?:an? \w+\s*)?(?:to start|and up|or more|plus\b(?! a)|\+\s*(?:doe|doq|depend\w*|based on|commensurate|exp\w*))/i;
const MAX_ONLY_BEFORE =
  /\b(?:up to|maximum(?: of)?|max(?:imum)?|as much as|increase to|increasing to|no more than)\s*:?\s*$/i;
const PAY_LABEL_BEFORE =
  /\b(?:pay|salary|wages?|rate|compensation)(?:\s+(?:range|rate|scale))?(?:\s+(?:minimum|maximum|min|max|midpoint|from|starting))?\s*:\s*$/i;
/** Cents or thousands separators: "20.48", "52,000", not "9" or "2024". */
const MONEY_SHAPED = /\d\.\d{2}\b|\d,\d{3}\b/;
const WEEKLY_HOURS = /\b(\d{2})\s*(?:hours|hrs)\s*(?:per|a|\/)\s*(?:week|wk)\b/i;

// Cheap test first: a line with none of these has no pay in it.
const MONEY_WORDS = /[$]|usd|cad|pay|salar|compens|wage|rate|hour|annual|earn|base|start|k\b/i;

function toPeriod(word: string): SalaryPeriod | null {
  const w = word.toLowerCase();
  if (/^(?:hour|hr|hourly|h|per hour)$/.test(w)) return 'hour';
  if (/^(?:year|yr|annually|annual|annum|yearly|salary|salaried)$/.test(w)) return 'year';
  if (/^(?:month|mo|monthly)$/.test(w)) return 'month';
  if (/^(?:week|wk|weekly)$/.test(w)) return 'week';
  if (/^(?:day|daily|per diem rate)$/.test(w)) return 'day';
  if (
    /^(?:charts?|encounters?|records?|visits?|cases?|episodes?|procedures?|per chart|per encounter)$/.test(w)
  )
    return 'chart';
  return null;
}

/** The period a source's unit text names: HOUR, "Per Year", "per-hour-wage", "1 YEAR"... */
export function periodFromUnit(unit: string | null | undefined): SalaryPeriod | null {
  if (!unit) return null;
  const u = unit.toLowerCase();
  if (/hour|\bhr\b|\bph\b/.test(u)) return 'hour';
  if (/year|annual|annum|\byr\b|\bpa\b/.test(u)) return 'year';
  if (/month/.test(u)) return 'month';
  if (/week/.test(u)) return 'week';
  if (/day|daily|diem/.test(u)) return 'day';
  if (/chart|encounter|record|visit|piece/.test(u)) return 'chart';
  return null;
}

/**
 * With no period written, the size of the amount tells: $22 is hourly, $55,000 yearly, and
 * $2,000 - $2,500 monthly (too much for an hour or a shift, too little for a year). Between $200
 * and $1,000 a week and a day are both plausible, so nothing is read.
 */
function periodFromSize(value: number, monthly = true): SalaryPeriod | null {
  if (value > 0 && value < 200) return 'hour';
  if (monthly && value >= 1000 && value < 15000) return 'month';
  if (value >= 15000 && value < 1_000_000) return 'year';
  return null;
}

function currencyOf(symbol: string | undefined): string | null {
  if (!symbol) return null;
  const s = symbol.trim().toUpperCase();
  if (s === 'C$' || s === 'CA$' || s === 'CAD') return 'CAD';
  return 'USD';
}

interface AmountToken {
  value: number;
  currency: string | null;
  plus: boolean;
  start: number;
  end: number;
}

function amounts(text: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    if (/^\s*%/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    let value = Number(m[2].replace(/,/g, '') + (m[3] ? `.${m[3]}` : ''));
    if (m[4]) value *= 1000;
    tokens.push({
      value,
      currency: currencyOf(m[1]),
      plus: m[5] === '+',
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return tokens;
}

/** Amounts outside these bounds are counts or typos, not pay for that period. */
const PLAUSIBLE: Record<SalaryPeriod, [number, number]> = {
  hour: [5, 500],
  day: [40, 3000],
  week: [150, 15000],
  month: [500, 60000],
  year: [8000, 1_000_000],
  chart: [0.1, 500],
};

/** The words up to the first break ("with", "plus", punctuation) after an amount. */
function untilBreak(text: string): string {
  return text.split(/\b(?:with|plus|and)\b|[,;(]|\.\s/i)[0];
}

function candidatesInLine(text: string, lineIndex: number, inPaySection: boolean): PayCandidate[] {
  const tokens = amounts(text);
  const found: PayCandidate[] = [];
  let previousEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    const second = tokens[i + 1];
    const isRange = second !== undefined && RANGE_JOIN.test(text.slice(first.end, second.start));
    const last = isRange ? second : first;
    const nextStart = tokens[isRange ? i + 2 : i + 1]?.start ?? text.length;
    const before = text.slice(Math.max(previousEnd, first.start - 50), first.start);
    const after = text.slice(last.end, Math.min(nextStart, last.end + 40));
    previousEnd = last.end;
    if (isRange) i++;
    const candidate = readCandidate(text, first, last, isRange, before, after, inPaySection);
    if (candidate) found.push({ ...candidate, line: lineIndex });
  }
  return found;
}

function readCandidate(
  text: string,
  first: AmountToken,
  last: AmountToken,
  isRange: boolean,
  before: string,
  after: string,
  inPaySection: boolean,
): Omit<PayCandidate, 'line'> | null {
  // A code after the amount ("$38.50 CAD") says more than the "$" before it.
  const currency = CURRENCY_AFTER.exec(after)?.[1]?.toUpperCase() ?? first.currency ?? last.currency ?? null;
  const sentenceBefore = before.split(/[.;]\s/).pop() ?? '';
  const cue = PAY_CUE.test(before) || PAY_CUE.test(after.slice(0, 20));
  if (!currency && !cue && !inPaySection) return null;
  if (NOT_PAY.test(sentenceBefore.slice(-30)) || NOT_PAY.test(untilBreak(after).slice(0, 35))) return null;
  const periodWord =
    PERIOD_AFTER.exec(after)?.[1] ??
    PERIOD_BEFORE.exec(sentenceBefore)?.[1] ??
    (currency ? PIECE_AFTER.exec(after)?.[1] : null) ??
    null;
  // Paid every two weeks or twice a month: a period the listing cannot state, so no pay is read
  // rather than a wrong one.
  if (UNSTATED_PERIOD_AFTER.test(after) || UNSTATED_PERIOD_BEFORE.test(sentenceBefore)) return null;
  // Counts, not money: "20 charts per hour".
  if (!currency && periodWord && /chart|encounter|record|visit|case|procedure/i.test(periodWord)) return null;
  // "Pay Range Minimum: 20.48": an amount written like money right after a pay label is pay, even
  // without a currency sign; a bare "Pay grade 9" is not.
  const labelled =
    PAY_LABEL_BEFORE.test(sentenceBefore) && MONEY_SHAPED.test(text.slice(first.start, last.end));
  if (!periodWord && !currency && !labelled) return null;
  let min: number | null = first.value;
  let max: number | null = last.value;
  // "$45-55K": the K of the second amount applies to the first.
  if (isRange && first.value < 1000 && last.value >= 1000 && /k/i.test(text.slice(last.start, last.end))) {
    min = first.value * 1000;
  }
  // "Salary" hints at a yearly amount but does not say so: "salary range $19 - $23" is hourly.
  const statedWord = periodWord && !/^salar/i.test(periodWord) ? periodWord : null;
  // A lone "$5,000" is as often a bonus, a budget or a deposit as pay: a month is read from size only
  // for a range or an amount that pay words or a pay section stand beside.
  const period =
    (statedWord ? toPeriod(statedWord) : null) ?? periodFromSize(max, isRange || cue || inPaySection);
  if (!period) return null;
  const [low, high] = PLAUSIBLE[period];
  if (min < low || max > high || (isRange && max < min)) return null;
  if (!isRange) {
    if (first.plus || MIN_ONLY_BEFORE.test(sentenceBefore) || MIN_ONLY_AFTER.test(after)) max = null;
    else if (MAX_ONLY_BEFORE.test(sentenceBefore)) min = null;
  }
  const score = 1 + (periodWord ? 2 : 0) + (cue ? 2 : 0) + (inPaySection ? 1 : 0) + (isRange ? 1 : 0);
  return {
    min,
    max,
    period,
    periodInferred: !statedWord,
    currency: currency ?? 'USD',
    score,
    phrase: snippet(text, first.start, last.end),
  };
}

function fromStructured(salary: RawSalary): PayCandidate[] {
  const min =
    typeof salary.min === 'number' && Number.isFinite(salary.min) && salary.min > 0 ? salary.min : null;
  const max =
    typeof salary.max === 'number' && Number.isFinite(salary.max) && salary.max > 0 ? salary.max : null;
  if (min === null && max === null) return salary.text ? candidatesInLine(salary.text, -1, true) : [];
  const stated = periodFromUnit(salary.unit) ?? (salary.text ? periodFromUnit(salary.text) : null);
  const period = stated ?? periodFromSize(max ?? min ?? 0);
  if (!period) return [];
  const phrase =
    salary.text ?? [min, max].filter((v) => v !== null).join(' - ') + (salary.unit ? ` ${salary.unit}` : '');
  return [
    {
      min,
      max,
      period,
      periodInferred: stated === null,
      currency: (salary.currency ?? 'USD').toUpperCase(),
      score: 10,
      line: -1,
      phrase,
    },
  ];
}

/** Greenhouse-style custom fields: [{ name: "Pay Range", value: "$20 - $24 per hour" }] or { "Pay Range": ... }. */
function payTextsInExtra(extra: Record<string, unknown> | undefined): string[] {
  const metadata = extra?.metadata;
  const entries: [string, unknown][] = Array.isArray(metadata)
    ? metadata.map((m) => [String((m as { name?: unknown })?.name ?? ''), (m as { value?: unknown })?.value])
    : metadata && typeof metadata === 'object'
      ? Object.entries(metadata as Record<string, unknown>)
      : [];
  return entries
    .filter(([name, value]) => /pay|salary|compensation|wage/i.test(name) && typeof value === 'string')
    .map(([name, value]) => `${name}: ${value as string}`);
}

export interface PayReading {
  salary: NormalizedSalary | null;
  /** The period was read from the amount's size, not from a word or a unit. */
  periodInferred: boolean;
  evidence: Evidence[];
}

/** Why a period read from the size of the amount is what it is. */
export const PERIOD_FROM_SIZE = 'no period stated: read from the size of the amount';

export function extractPay(raw: RawPosting, lines: PostingLine[]): PayReading {
  let candidates: PayCandidate[] = raw.salary ? fromStructured(raw.salary) : [];
  if (candidates.length === 0) {
    for (const text of payTextsInExtra(raw.extra)) candidates.push(...candidatesInLine(text, -1, true));
  }
  if (candidates.length === 0) {
    for (const line of lines) {
      if (line.section === 'benefits' || line.section === 'legal' || !/\d/.test(line.text)) continue;
      if (line.section !== 'pay' && !MONEY_WORDS.test(line.text)) continue;
      candidates.push(...candidatesInLine(line.text, line.index, line.section === 'pay'));
    }
  }
  if (candidates.length === 0) return { salary: null, periodInferred: false, evidence: [] };

  candidates = [...candidates].sort((a, b) => b.score - a.score || a.line - b.line);
  const best = candidates[0];
  // Grades or a start-and-raise on neighbouring lines ("Coder I: $19-$22.50", "Coder II: $22-$27")
  // make one overall range.
  const merged = { ...best };
  for (const other of candidates.slice(1)) {
    if (other.period !== best.period || other.currency !== best.currency || other.score < best.score - 2)
      continue;
    if (best.line < 0 || Math.abs(other.line - best.line) > 2) continue;
    if (other.min !== null) merged.min = merged.min === null ? other.min : Math.min(merged.min, other.min);
    if (other.max !== null) merged.max = merged.max === null ? other.max : Math.max(merged.max, other.max);
  }
  const period = merged.period as SalaryPeriod;
  const weekly = WEEKLY_HOURS.exec(
    lines
      .map((l) => l.text)
      .join('\n')
      .slice(0, 20000),
  );
  const weeklyHours = weekly ? Number(weekly[1]) : null;
  const factor =
    period === 'hour' && weeklyHours !== null && weeklyHours >= 10 && weeklyHours <= 60
      ? weeklyHours * 52
      : PERIODS_PER_YEAR[period];
  const annual = (v: number | null) =>
    v === null || factor === null ? null : Math.round(v * factor * 100) / 100;
  const salary: NormalizedSalary = {
    min: merged.min,
    max: merged.max,
    period,
    currency: merged.currency,
    annualMin: annual(merged.min),
    annualMax: annual(merged.max),
  };
  const evidence: Evidence = {
    field: 'salary',
    value: { min: salary.min, max: salary.max, period },
    phrase: best.phrase,
  };
  if (best.periodInferred) evidence.inferred = PERIOD_FROM_SIZE;
  return { salary, periodInferred: best.periodInferred, evidence: [evidence] };
}
