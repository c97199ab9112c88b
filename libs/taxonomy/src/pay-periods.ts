import type { SalaryPeriod } from './vocabulary';

/** Full-time hours in a year: hourly pay is annualised at 2,080 hours unless a posting says otherwise. */
export const HOURS_PER_YEAR = 2080;

/** How many of each pay period make a year; per-chart pay has no yearly figure. */
export const PERIODS_PER_YEAR: Record<SalaryPeriod, number | null> = {
  hour: HOURS_PER_YEAR,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
  chart: null,
};
