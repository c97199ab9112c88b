import { extractPay } from './extract-pay';
import { splitPostingLines } from './posting-lines';
import type { RawPosting } from '#sources';
import type { NormalizedSalary } from './normalized-listing';

function read(text: string, raw: Partial<RawPosting> = {}): NormalizedSalary | null {
  return extractPay({ externalId: 'x', title: 'Coder', ...raw }, splitPostingLines('Coder', text)).salary;
}

type Pay = Pick<NormalizedSalary, 'min' | 'max' | 'period'> & { currency?: string };

describe('extractPay', () => {
  it.each<[string, Pay]>([
    ['Pay: $18.50 - $22/hr DOE', { min: 18.5, max: 22, period: 'hour' }],
    ['Salary: $45K-55K depending on experience.', { min: 45000, max: 55000, period: 'year' }],
    ['Salary: $45-55K', { min: 45000, max: 55000, period: 'year' }],
    ['Salary: up to $60,000 per year.', { min: null, max: 60000, period: 'year' }],
    ['Salary: $65,000+ DOE.', { min: 65000, max: null, period: 'year' }],
    ['Pay starts at $17.00 per hour.', { min: 17, max: null, period: 'hour' }],
    ['Starting pay $19/hour with quarterly incentive.', { min: 19, max: null, period: 'hour' }],
    ['Contract-to-hire, $23/hour to start.', { min: 23, max: null, period: 'hour' }],
    ['Pay: $14 per chart.', { min: 14, max: 14, period: 'chart' }],
    ['Rate of Pay: $24.70 / HR + DOE', { min: 24.7, max: null, period: 'hour' }],
    ['Pay Range Minimum: 20.48\nPay Range Maximum: 30.72', { min: 20.48, max: 30.72, period: 'hour' }],
    ['Salary Range: 52,000.00 - 61,500.00', { min: 52000, max: 61500, period: 'year' }],
    [
      'Compensation & Benefits:\nThe hourly wage is $21.00 / hour to $30.27 / hour, with a median wage of $25.22 / hour.',
      { min: 21, max: 30.27, period: 'hour' },
    ],
    ['Pay: $1.10 per encounter coded.', { min: 1.1, max: 1.1, period: 'chart' }],
    ['Hourly range $21.00 to $25.00.', { min: 21, max: 25, period: 'hour' }],
    ['$25.50/hr - $33.00/hr. Full-time.', { min: 25.5, max: 33, period: 'hour' }],
    ['Weekly pay: $1,850 - $2,050 per week plus travel stipend.', { min: 1850, max: 2050, period: 'week' }],
    ['Pay: $4,200 - $5,000 per month.', { min: 4200, max: 5000, period: 'month' }],
    ['Daily rate: $320/day. Contract.', { min: 320, max: 320, period: 'day' }],
    ['Salary range: $58,500 - $74,000.', { min: 58500, max: 74000, period: 'year' }],
    ['Pay Range: $27.14 - $40.71', { min: 27.14, max: 40.71, period: 'hour' }],
    ['Salary: $38.50 - $46.20 CAD per hour.', { min: 38.5, max: 46.2, period: 'hour', currency: 'CAD' }],
    ['Base pay range\n$60,000—$72,000 USD', { min: 60000, max: 72000, period: 'year' }],
    [
      'Pay: $17.50 - $19.50/hr plus a $1.00/hr bilingual differential.',
      { min: 17.5, max: 19.5, period: 'hour' },
    ],
    [
      'Starting at $17.50 per hour; increase to $20.00 upon certification.',
      { min: 17.5, max: 20, period: 'hour' },
    ],
    [
      'Pay\nCoder I: $19.00 - $22.50 per hour\nCoder II: $22.00 - $27.00 per hour',
      { min: 19, max: 27, period: 'hour' },
    ],
    ['Salary: $85,000+ annually plus bonus.', { min: 85000, max: null, period: 'year' }],
    ['$50K - $58K annually, full-time, onsite.', { min: 50000, max: 58000, period: 'year' }],
    // Piece rates with words before the unit; several rates give the overall range.
    [
      'Paid per chart: $4.40 per surgical case, $2.25 per GI or pain case.',
      { min: 2.25, max: 4.4, period: 'chart' },
    ],
    ['Production pay: $3.75 per outpatient chart.', { min: 3.75, max: 3.75, period: 'chart' }],
    ['Pay: $6 per inpatient record, $2.50 per observation record.', { min: 2.5, max: 6, period: 'chart' }],
  ])('%j', (text, expected) => {
    expect(read(text)).toMatchObject({ currency: 'USD', ...expected });
  });

  it.each([
    ['Pay: DOE.'],
    ['Pay commensurate with experience.'],
    ['Competitive pay and sign-on bonus of $5,000.'],
    ['Tuition reimbursement up to $5,250 per year'],
    ['401(k) with 4% match and $500 annual CEU allowance.'],
    ['Productivity: 3.5 charts per hour after 2 weeks of ramp-up.'],
    ['Minimum 16 hours per pay period.'],
    ['Meet a minimum productivity of 20 charts per hour with 95% accuracy.'],
    ['We will give a $2.00/hr raise when you pass.'],
    ['Expected pace: 4 to 6 charts per hour, 35 per day.'],
    ['Minimum 20 hours a month, scheduled around your availability.'],
  ])('reads no pay in %j', (text) => {
    expect(read(text)).toBeNull();
  });

  it('prefers the source salary and reads its unit', () => {
    expect(
      read('Pay: $10/hr', { salary: { min: 54643, max: 71035, currency: 'USD', unit: 'Per Year' } }),
    ).toEqual({
      min: 54643,
      max: 71035,
      period: 'year',
      currency: 'USD',
      annualMin: 54643,
      annualMax: 71035,
    });
  });

  it('reads a pay custom field (Greenhouse metadata)', () => {
    const extra = { metadata: [{ name: 'Pay Range', value: '$20 - $24 per hour' }] };
    expect(read('', { extra })).toMatchObject({ min: 20, max: 24, period: 'hour' });
  });

  it('annualises hourly pay at 2,080 hours, or at the weekly hours the posting gives', () => {
    expect(read('Pay: $20 - $25 per hour')).toMatchObject({ annualMin: 41600, annualMax: 52000 });
    expect(read('Pay: $20 - $25 per hour. 32 hours per week.')).toMatchObject({
      annualMin: 33280,
      annualMax: 41600,
    });
    expect(read('Pay: $14 per chart')).toMatchObject({ annualMin: null, annualMax: null });
  });
});

describe('extractPay: a period read from the size of the amount', () => {
  const reading = (text: string, raw: Partial<RawPosting> = {}) =>
    extractPay({ externalId: 'x', title: 'Coder', ...raw }, splitPostingLines('Coder', text));

  it('marks the period inferred where no word or unit gives it', () => {
    const yearly = reading('The estimated salary range for this role is $150,000 - $170,000.');
    expect(yearly.salary).toMatchObject({ min: 150000, max: 170000, period: 'year' });
    expect(yearly.periodInferred).toBe(true);
    expect(yearly.evidence[0].inferred).toMatch(/size of the amount/);
    const hourly = reading('Pay range: $19.00 - $23.50');
    expect(hourly).toMatchObject({ periodInferred: true, salary: { period: 'hour' } });
  });

  it('does not where the posting or the source says the period', () => {
    expect(reading('Pay: $19.00 - $23.50 per hour').periodInferred).toBe(false);
    expect(reading('', { salary: { min: 50000, max: 60000, unit: 'YEAR' } }).periodInferred).toBe(false);
    expect(reading('', { salary: { min: 50000, max: 60000 } }).periodInferred).toBe(true);
  });

  it('reads a range of a few thousand with no period word as monthly, marked inferred', () => {
    const monthly = reading(
      'Billing Support Associate\nRiverbend Clinics, Dover, DE\n3d$3,100 - $3,600\nAbout the job',
    );
    expect(monthly.salary).toMatchObject({ min: 3100, max: 3600, period: 'month', annualMin: 37200 });
    expect(monthly.evidence[0].inferred).toMatch(/size of the amount/);
    expect(reading('Pay range: $2,800 - $3,200').salary).toMatchObject({
      period: 'month',
    });
  });

  it('reads no monthly pay from a lone amount of that size with no pay words', () => {
    expect(reading('You will balance $4,000 in daily card payments.').salary).toBeNull();
    expect(reading('Manage a $12,500 petty cash fund for the clinics.').salary).toBeNull();
    // Between a day's and a week's pay nothing is read from size.
    expect(reading('Pay range: $450 - $600').salary).toBeNull();
  });

  it('reads no pay where the period is one a listing cannot state', () => {
    expect(reading('Salary: $2,000 - $2,500 bi-weekly').salary).toBeNull();
    expect(reading('Pay per pay period: $1,900').salary).toBeNull();
    expect(reading('Salary: $2,000 - $2,500 monthly').salary).toMatchObject({ period: 'month' });
  });

  it('reads no pay from a grade or a count after a pay label', () => {
    expect(reading('PAY GRADE:9  EEOC CODE: Adm Support').salary).toBeNull();
    expect(reading('Pay period: 26 per year').salary).toBeNull();
  });
});
