import { HOURS_PER_YEAR, type ListingSalary } from '#taxonomy';
import type { MinPayPeriod } from './candidate-profile';

export function annualise(amount: number, period: MinPayPeriod): number {
  return period === 'hour' ? amount * HOURS_PER_YEAR : amount;
}

/**
 * The listing's annual range, or null when it cannot be compared (no pay, per-chart pay). Falls back
 * to min/max for hour and year when the normalizer left the annual fields empty.
 */
export function annualRange(salary: ListingSalary | null): { min: number; max: number } | null {
  if (!salary || salary.period === 'chart') return null;
  let low = salary.annualMin;
  let high = salary.annualMax;
  if (low === null && high === null && (salary.period === 'hour' || salary.period === 'year')) {
    low = salary.min === null ? null : annualise(salary.min, salary.period);
    high = salary.max === null ? null : annualise(salary.max, salary.period);
  }
  if (low === null && high === null) return null;
  return { min: low ?? (high as number), max: high ?? (low as number) };
}

// The figures without their "$" and unit, so a range formats each end once.
function thousands(amount: number): string {
  const value = Math.round(amount / 100) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}`;
}

function dollars(amount: number): string {
  const cents = Math.round(amount * 100);
  return `${cents % 100 === 0 ? cents / 100 : (cents / 100).toFixed(2)}`;
}

/** "$48K", "$52.5K", "$120K". */
export function formatAnnual(amount: number): string {
  return `$${thousands(amount)}K`;
}

/** "$22/hr", "$22.50/hr". */
export function formatHourly(amount: number): string {
  return `$${dollars(amount)}/hr`;
}

/** "$52-58K", "$24-28/hr", "$55K" (one figure when min equals max). */
export function formatRange(min: number, max: number, period: MinPayPeriod): string {
  if (period === 'hour') return min === max ? formatHourly(min) : `$${dollars(min)}-${dollars(max)}/hr`;
  return min === max ? formatAnnual(min) : `$${thousands(min)}-${thousands(max)}K`;
}
