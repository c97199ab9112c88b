import { hourly, listingWith, profileWith, yearly } from '../testing/fixtures';
import { explainPay } from './explain-pay';

const wants = (amount: number, period: 'hour' | 'year') => profileWith({ minPay: { amount, period } });

describe('explainPay', () => {
  it('says stated pay is above the minimum', () => {
    const result = explainPay(listingWith({ salary: yearly(52_000, 58_000) }), wants(48_000, 'year'));
    expect(result.reasons).toEqual([
      { code: 'pay_above_minimum', text: 'Pays $52-58K: above your $48K minimum', effect: 'positive' },
    ]);
    expect(result.part).toBe(1);
  });

  it('says when pay meets the minimum exactly', () => {
    expect(explainPay(listingWith({ salary: hourly(22, 24) }), wants(22, 'hour')).reasons[0].text).toBe(
      'Pays $22-24/hr: meets your $22/hr minimum',
    );
  });

  it('converts between hourly and annual in the candidate terms', () => {
    expect(explainPay(listingWith({ salary: hourly(25, 28) }), wants(48_000, 'year')).reasons[0].text).toBe(
      'Pays $25-28/hr (about $52-58.2K a year): above your $48K minimum',
    );
    expect(
      explainPay(listingWith({ salary: yearly(52_000, 58_000) }), wants(22.5, 'hour')).reasons[0].text,
    ).toBe('Pays $52-58K (about $25-27.88/hr): above your $22.50/hr minimum');
  });

  it('ranks pay that spans the minimum below pay above it, and just-under pay lower still', () => {
    const profile = wants(48_000, 'year');
    const spans = explainPay(listingWith({ salary: yearly(45_000, 55_000) }), profile);
    const under = explainPay(listingWith({ salary: yearly(40_000, 45_000) }), profile);
    expect(spans.reasons[0].text).toBe('Pays $45-55K: your $48K minimum is within the range');
    expect(under.reasons[0]).toEqual({
      code: 'pay_just_under_minimum',
      text: 'Pays $40-45K: just under your $48K minimum',
      effect: 'negative',
    });
    expect(spans.part).toBeLessThan(1);
    expect(under.part).toBeLessThan(spans.part);
    expect(under.missing).toEqual([]);
  });

  it('treats unstated and per-chart pay as neutral', () => {
    const profile = wants(48_000, 'year');
    expect(explainPay(listingWith({ salary: null }), profile).reasons[0]).toEqual({
      code: 'pay_not_stated',
      text: 'Pay not stated',
      effect: 'neutral',
    });
    const perChart = {
      min: 2,
      max: 3,
      period: 'chart' as const,
      currency: 'USD',
      annualMin: null,
      annualMax: null,
    };
    expect(explainPay(listingWith({ salary: perChart }), profile).reasons[0].text).toBe(
      'Paid per chart: cannot be compared with your minimum',
    );
  });

  it('describes pay without judging it when the candidate gave no minimum', () => {
    const result = explainPay(listingWith({ salary: yearly(60_000, 60_000) }), profileWith());
    expect(result.reasons[0]).toEqual({ code: 'pay_stated', text: 'Pays $60K', effect: 'neutral' });
  });

  it('falls back to min and max when the annual figures are missing', () => {
    const salary = {
      min: 20,
      max: 22,
      period: 'hour' as const,
      currency: 'USD',
      annualMin: null,
      annualMax: null,
    };
    expect(explainPay(listingWith({ salary }), wants(30, 'hour')).missing.map((m) => m.code)).toEqual([
      'pay_below_minimum',
    ]);
  });
});
