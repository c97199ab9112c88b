import { annualise, annualRange, formatAnnual, formatHourly, formatRange } from './pay-amounts';

describe('pay amounts', () => {
  it('annualises hourly pay at 2,080 hours', () => {
    expect(annualise(25, 'hour')).toBe(52_000);
    expect(annualise(52_000, 'year')).toBe(52_000);
  });

  it('reads the annual range, filling a missing end from the other', () => {
    const base = { currency: 'USD', min: null, max: null };
    expect(annualRange({ ...base, period: 'year', annualMin: 50_000, annualMax: null })).toEqual({
      min: 50_000,
      max: 50_000,
    });
    expect(annualRange({ ...base, period: 'month', annualMin: 48_000, annualMax: 60_000 })).toEqual({
      min: 48_000,
      max: 60_000,
    });
    expect(annualRange({ ...base, period: 'chart', annualMin: null, annualMax: null })).toBeNull();
    expect(annualRange(null)).toBeNull();
  });

  it('formats amounts as a reader expects', () => {
    expect(formatAnnual(48_000)).toBe('$48K');
    expect(formatAnnual(52_500)).toBe('$52.5K');
    expect(formatHourly(22)).toBe('$22/hr');
    expect(formatHourly(22.5)).toBe('$22.50/hr');
    expect(formatRange(52_000, 58_000, 'year')).toBe('$52-58K');
    expect(formatRange(24, 28, 'hour')).toBe('$24-28/hr');
    expect(formatRange(60_000, 60_000, 'year')).toBe('$60K');
  });
});
