import { HOURS_PER_YEAR, type ListingSalary } from '#taxonomy';
import type { CandidateProfile, MinPayPeriod } from './candidate-profile';
import type { MatchableListing } from './matchable-listing';
import { NO_REASONS, type Assessment } from './match-result';
import { annualRange, annualise, formatAnnual, formatHourly, formatRange } from './pay-amounts';

// Pay below the minimum is a hard "no" only when it is clearly below: the top of the stated range
// under 90% of the minimum. Just under (90-100%) stays a match with a low pay part, because ranges
// are often negotiable and a few percent is within what people trade for remote work or a better
// schedule. A listing without pay is neither rewarded nor excluded.

/** The top of the range may be this far under the minimum before the listing stops being a match. */
export const PAY_TOLERANCE = 0.1;

const ABOVE = 1;
const SPANS = 0.7;
const JUST_UNDER = 0.25;
const NOT_STATED = 0.5;
const STATED_NO_MINIMUM = 0.6;

/** The listing's pay in its own terms, with the candidate's terms alongside when they differ. */
function describeListingPay(
  salary: ListingSalary,
  range: { min: number; max: number },
  wanted: MinPayPeriod | null,
): string {
  const own: MinPayPeriod = salary.period === 'hour' ? 'hour' : 'year';
  const ownRange =
    own === 'hour' && (salary.min ?? salary.max) !== null
      ? formatRange((salary.min ?? salary.max) as number, (salary.max ?? salary.min) as number, 'hour')
      : formatRange(range.min, range.max, 'year');
  const yearSuffix = own === 'year' && salary.period !== 'year' ? ' a year' : '';
  if (!wanted || wanted === own) return `Pays ${ownRange}${yearSuffix}`;
  const converted =
    wanted === 'hour'
      ? formatRange(range.min / HOURS_PER_YEAR, range.max / HOURS_PER_YEAR, 'hour')
      : `${formatRange(range.min, range.max, 'year')} a year`;
  return `Pays ${ownRange}${yearSuffix} (about ${converted})`;
}

/** The candidate's minimum as scoring compares it, worked out once per ranking rather than per listing. */
export interface PayMinimum {
  period: MinPayPeriod;
  /** A year's worth. */
  annual: number;
  /** "your $22/hr minimum" */
  yours: string;
}

export function payMinimum(profile: CandidateProfile): PayMinimum | null {
  const minimum = profile.minPay;
  if (!minimum) return null;
  const amount = minimum.period === 'hour' ? formatHourly(minimum.amount) : formatAnnual(minimum.amount);
  return {
    period: minimum.period,
    annual: annualise(minimum.amount, minimum.period),
    yours: `your ${amount} minimum`,
  };
}

/**
 * Where a stated annual range sits against the minimum. Only 'below' bars a match; the quick check
 * before ranking asks the same question.
 */
export function payStanding(
  range: { min: number; max: number },
  wanted: number,
): 'above' | 'spans' | 'just_under' | 'below' {
  // Cents of rounding in annualised hourly pay must not turn "meets" into "under".
  if (range.min >= wanted - 0.5) return 'above';
  if (range.max >= wanted - 0.5) return 'spans';
  if (range.max >= wanted * (1 - PAY_TOLERANCE)) return 'just_under';
  return 'below';
}

/** Without reasons (withReasons false), only the part and what is missing: for ranking. */
export function explainPay(
  listing: MatchableListing,
  profile: CandidateProfile,
  minimum: PayMinimum | null = payMinimum(profile),
  withReasons = true,
): Assessment {
  const salary = listing.salary;
  const range = annualRange(salary);

  if (!salary || !range) {
    const perChart = salary?.period === 'chart';
    return {
      part: NOT_STATED,
      reasons: withReasons
        ? [
            {
              code: perChart ? 'pay_per_chart' : 'pay_not_stated',
              text: perChart
                ? minimum
                  ? 'Paid per chart: cannot be compared with your minimum'
                  : 'Paid per chart'
                : 'Pay not stated',
              effect: 'neutral',
            },
          ]
        : NO_REASONS,
      missing: [],
    };
  }

  if (!minimum) {
    return {
      part: STATED_NO_MINIMUM,
      reasons: withReasons
        ? [{ code: 'pay_stated', text: describeListingPay(salary, range, null), effect: 'neutral' }]
        : NO_REASONS,
      missing: [],
    };
  }

  const wanted = minimum.annual;
  const yours = minimum.yours;
  // What the listing pays is worded only where it is said: in a reason, or in what is missing.
  const period = minimum.period;

  switch (payStanding(range, wanted)) {
    case 'above':
      return {
        part: ABOVE,
        reasons: withReasons
          ? [
              {
                code: 'pay_above_minimum',
                text: `${describeListingPay(salary, range, period)}: ${range.min <= wanted + 0.5 ? 'meets' : 'above'} ${yours}`,
                effect: 'positive',
              },
            ]
          : NO_REASONS,
        missing: [],
      };
    case 'spans':
      return {
        part: SPANS,
        reasons: withReasons
          ? [
              {
                code: 'pay_spans_minimum',
                text: `${describeListingPay(salary, range, period)}: ${yours} is within the range`,
                effect: 'neutral',
              },
            ]
          : NO_REASONS,
        missing: [],
      };
    case 'just_under':
      return {
        part: JUST_UNDER,
        reasons: withReasons
          ? [
              {
                code: 'pay_just_under_minimum',
                text: `${describeListingPay(salary, range, period)}: just under ${yours}`,
                effect: 'negative',
              },
            ]
          : NO_REASONS,
        missing: [],
      };
    case 'below': {
      const text = `${describeListingPay(salary, range, period)}: below ${yours}`;
      return {
        part: 0,
        reasons: withReasons ? [{ code: 'pay_below_minimum', text, effect: 'negative' }] : NO_REASONS,
        missing: [{ code: 'pay_below_minimum', text }],
      };
    }
  }
}
